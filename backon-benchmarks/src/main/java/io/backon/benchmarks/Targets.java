package io.backon.benchmarks;

import java.util.concurrent.CompletableFuture;

/**
 * The downstream every benchmark calls: a static, allocation-free method, so that what is measured
 * is the library around it. Each library gets a method reference to {@link #answer()} in its own
 * functional interface, built once.
 */
public final class Targets {

  /** The value every successful call returns (a constant: no allocation). */
  public static final String ANSWER = "ok";

  /** An already completed stage, the async target's result (no allocation per call). */
  public static final CompletableFuture<String> DONE = CompletableFuture.completedFuture(ANSWER);

  /** The one failure the flaky targets throw: pre-built and stackless, so throwing is cheap. */
  public static final TransientFailure FAILURE = new TransientFailure();

  private Targets() {}

  /** The synchronous target. */
  public static String answer() {
    return ANSWER;
  }

  /** The asynchronous target: an already completed stage. */
  public static CompletableFuture<String> answerAsync() {
    return DONE;
  }

  /** A retryable failure without a stack trace (filling one in would dominate the failure path). */
  public static final class TransientFailure extends Exception {
    private static final long serialVersionUID = 1L;

    TransientFailure() {
      super("transient failure", null, false, false);
    }
  }
}
