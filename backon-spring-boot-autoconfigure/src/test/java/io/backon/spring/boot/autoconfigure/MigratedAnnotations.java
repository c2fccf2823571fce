package io.backon.spring.boot.autoconfigure;

import io.backon.Backon;
import java.io.IOException;
import java.util.List;

/**
 * Annotations carried over from Spring Retry and Resilience4j in a way Backon rejects, for {@link
 * MigrationMistakesCorpusTest}. The simple class name is what the error messages name.
 */
final class MigratedAnnotations {

  private MigratedAnnotations() {}

  /** Spring Retry's {@code @Recover} takes the exception first; Backon takes it last. */
  static class RecoverWithTheExceptionFirst {
    @Backon(fallback = "recover")
    public String charge(String order) throws IOException {
      throw new IOException("down");
    }

    String recover(IOException failure, String order) {
      return order;
    }
  }

  /** A Resilience4j-style fallback that drops the method's parameters. */
  static class FallbackWithOnlyTheException {
    @Backon(fallback = "fallback")
    public String charge(String order) throws IOException {
      throw new IOException("down");
    }

    String fallback(Throwable failure) {
      return "queued";
    }
  }

  /** A fallback whose list holds another element type. */
  static class FallbackOfAnotherElementType {
    @Backon(fallback = "ids")
    public List<String> names() throws IOException {
      throw new IOException("down");
    }

    List<Integer> ids() {
      return List.of();
    }
  }

  /** Spring Retry's {@code maxAttempts = -1} does not mean "the policy's" here. */
  static class NegativeMaxTries {
    @Backon(maxTries = -2)
    public String call() {
      return "x";
    }
  }

  /** Zero hedges to mean "no hedging": one copy in flight is written {@code hedges = 1}. */
  static class ZeroHedges {
    @Backon(hedges = 0)
    public String call() {
      return "x";
    }
  }

  /** Resilience4j's instance name with a typo. */
  static class MisspelledPolicy {
    @Backon("payment")
    public String call() {
      return "x";
    }
  }

  /** Spring Framework 7's {@code @Retryable} left beside the {@code @Backon} that replaces it. */
  static class RetryableLeftBeside {
    @Backon
    @org.springframework.resilience.annotation.Retryable
    public String call() {
      return "ok";
    }
  }

  /** A class-level {@code @Retryable} over a method that now has {@code @Backon}. */
  @org.springframework.resilience.annotation.Retryable
  static class RetryableOnTheClass {
    @Backon
    public String call() {
      return "ok";
    }
  }
}
