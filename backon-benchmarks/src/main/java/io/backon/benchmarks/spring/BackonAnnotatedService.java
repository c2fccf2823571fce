package io.backon.benchmarks.spring;

import io.backon.Backon;
import io.backon.benchmarks.Targets;

/** Backon's {@code @Backon}, under the policy bean {@code peer} (3 tries, no wait, no jitter). */
public class BackonAnnotatedService {

  /** Returns the target's value. */
  @Backon("peer")
  public String call() {
    return Targets.answer();
  }
}
