package io.backon.spring.boot.autoconfigure;

import io.backon.Backon;
import io.backon.wait.WaitKind;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Beans whose {@code @Backon} annotation (or fallback) is wrong in exactly one way, for {@link
 * BadConfigurationCorpusTest}. The simple class name is what the error messages name.
 */
final class BadlyAnnotatedBeans {

  /** A private class can only be named from here. */
  static final Class<?> PRIVATE_CLASS = PrivateClass.class;

  private BadlyAnnotatedBeans() {}

  static class UnknownPolicy {
    @Backon("nope")
    public String call() {
      return "x";
    }
  }

  static class MissingFallback {
    @Backon(fallback = "recover")
    public String call(String id) {
      return id;
    }
  }

  static class FallbackReturnsWrongType {
    @Backon(fallback = "recover")
    public String call(String id) {
      return id;
    }

    Integer recover(String id) {
      return id.length();
    }
  }

  static class FallbackTakesWrongParameters {
    @Backon(fallback = "recover")
    public String call(String id) {
      return id;
    }

    String recover(int id, IOException failure) {
      return id + failure.getMessage();
    }
  }

  static class TwoFittingFallbacks {
    @Backon(fallback = "recover")
    public String call(String id) throws IOException {
      return id;
    }

    String recover(String id, FileNotFoundException failure) {
      return id + failure.getMessage();
    }

    String recover(String id, IllegalStateException failure) {
      return id + failure.getMessage();
    }
  }

  static class FinalMethod {
    @Backon
    public final String call() {
      return "x";
    }
  }

  static class PrivateMethod {
    @Backon
    private String call() {
      return "x";
    }

    public String caller() {
      return call();
    }
  }

  @Backon
  static class ClassLevelAnnotationWithFinalMethod {
    public String call() {
      return "x";
    }

    public final String helper() {
      return "y";
    }
  }

  static final class FinalClass {
    @Backon
    public String call() {
      return "x";
    }
  }

  private static class PrivateClass {
    @Backon
    public String call() {
      return "x";
    }
  }

  /** Records are final, so they cannot be proxied either. */
  record RecordBean(String value) {
    @Backon
    public String call() {
      return value;
    }
  }

  static class StaticMethod {
    @Backon
    public static String call() {
      return "x";
    }
  }

  static class UnresolvablePlaceholder {
    @Backon("${backon-test.missing-policy-name}")
    public String call() {
      return "x";
    }
  }

  static class UnparsableDuration {
    @Backon(delay = "soon")
    public String call() {
      return "x";
    }
  }

  static class NegativeDelay {
    @Backon(waitKind = WaitKind.CONSTANT, delay = "-1s")
    public String call() {
      return "x";
    }
  }

  static class CenturiesLongDeadline {
    @Backon(deadline = "110000d")
    public String call() {
      return "x";
    }
  }

  static class UnparsableMultiplier {
    @Backon(waitKind = WaitKind.EXPO, multiplier = "twice")
    public String call() {
      return "x";
    }
  }

  static class MultiplierOnConstantWait {
    @Backon(waitKind = WaitKind.CONSTANT, multiplier = "3")
    public String call() {
      return "x";
    }
  }

  static class ShrinkingExpo {
    @Backon(waitKind = WaitKind.EXPO, multiplier = "0.5")
    public String call() {
      return "x";
    }
  }

  static class TwoHedges {
    @Backon(hedges = 2)
    public String call() {
      return "x";
    }
  }

  static class HedgeDelayWithoutHedges {
    @Backon(hedgeDelay = "50ms")
    public String call() {
      return "x";
    }
  }

  static class ZeroTries {
    @Backon(maxTries = 0)
    public String call() {
      return "x";
    }
  }

  static class RetryAndAbortTheSameException {
    @Backon(retryOn = IOException.class, abortOn = IOException.class)
    public String call() {
      return "x";
    }
  }

  static class UnknownCircuitBreaker {
    @Backon(circuitBreaker = "ghost")
    public String call() {
      return "x";
    }
  }

  static class UnknownBudget {
    @Backon(budget = "ghost")
    public String call() {
      return "x";
    }
  }

  static class UnparsableCondition {
    @Backon(retryIf = "#result ==")
    public String call() {
      return "x";
    }
  }

  static class TimeoutNotShorterThanDeadline {
    @Backon(attemptTimeout = "5s", deadline = "1s")
    public String call() {
      return "x";
    }
  }

  static class WaitParameterOnBeanPolicy {
    @Backon(value = "beanPolicy", delay = "1s")
    public String call() {
      return "x";
    }
  }

  static class HedgesOffOnAHedgingBeanPolicy {
    @Backon(value = "hedgingBean", hedges = 1)
    public String call() {
      return "x";
    }
  }

  static class RetryOnOverThePolicyBeansWholeCondition {
    @Backon(value = "conditionBean", retryOn = IOException.class)
    public String call() {
      return "x";
    }
  }

  static class HedgedFlux {
    @Backon(hedges = 2)
    public Flux<String> stream() {
      return Flux.just("x");
    }
  }

  static class FluxUnderHedgingPolicy {
    @Backon("hedged")
    public Flux<String> stream() {
      return Flux.just("x");
    }
  }

  static class PlainFutureType {
    @Backon
    public Future<String> call() {
      return CompletableFuture.failedFuture(new IOException("never retried"));
    }
  }

  static class PlainPublisherType {
    @Backon
    public Publisher<String> call() {
      return Flux.error(new IOException("never retried"));
    }
  }

  static class CustomFutureType {
    @Backon
    public OwnFuture<String> call() {
      return new OwnFuture<>();
    }
  }

  static class DeadlineShorterThanFirstWait {
    @Backon(value = "slow", deadline = "1s")
    public String call() {
      return "x";
    }
  }

  static class RetryIfOnVoid {
    @Backon(retryIf = "#result == null")
    public void call() {}
  }

  static class VoidUnderResultPolicy {
    @Backon("checked")
    public void call() {}
  }

  static class MonoOfVoidUnderResultBean {
    @Backon("nullRetrying")
    public Mono<Void> call() {
      return Mono.empty();
    }
  }

  static class RetryIfOnFlux {
    @Backon(retryIf = "#result == null")
    public Flux<String> stream() {
      return Flux.just("x");
    }
  }

  static class FluxUnderResultPolicy {
    @Backon("checked")
    public Flux<String> stream() {
      return Flux.just("x");
    }
  }

  /** A CompletableFuture subtype Backon cannot create. */
  static class OwnFuture<T> extends CompletableFuture<T> {}
}
