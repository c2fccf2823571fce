package io.backon.benchmarks.boot;

import io.backon.benchmarks.Targets;
import io.backon.benchmarks.Targets.TransientFailure;

/**
 * A downstream whose calls fail and succeed in turn: the first call throws the pre-built, stackless
 * {@link Targets#FAILURE}, the next returns {@link Targets#ANSWER}, and so on. A retried call
 * through it is one failure then one success. Not thread-safe: the benchmark runs one thread.
 */
public final class FlakyTarget {

  private boolean failNext = true;

  /** Throws on every other call, starting with the first; returns the answer otherwise. */
  public String next() throws TransientFailure {
    if (failNext) {
      failNext = false;
      throw Targets.FAILURE;
    }
    failNext = true;
    return Targets.answer();
  }
}
