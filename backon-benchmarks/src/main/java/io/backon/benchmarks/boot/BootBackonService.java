package io.backon.benchmarks.boot;

import io.backon.Backon;
import io.backon.benchmarks.Targets;
import io.backon.benchmarks.Targets.TransientFailure;
import reactor.core.publisher.Mono;

/**
 * Backon's {@code @Backon}, under policies from {@code backon.policies} in the application's YAML.
 */
public class BootBackonService {

  private final FlakyTarget flaky = new FlakyTarget();

  /** The target's value under the realistic policy {@code downstream}. */
  @Backon("downstream")
  public String call() {
    return Targets.answer();
  }

  /** The target's value in a {@code Mono}, under the realistic policy {@code downstream}. */
  @Backon("downstream")
  public Mono<String> mono() {
    return Mono.just(Targets.answer());
  }

  /** A failure, then a success on the retry, under the zero-wait policy {@code flaky}. */
  @Backon("flaky")
  public String failureThenSuccess() throws TransientFailure {
    return flaky.next();
  }
}
