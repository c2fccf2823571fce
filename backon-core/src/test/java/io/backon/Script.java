package io.backon;

import io.backon.testfixtures.FakeTime;
import io.backon.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a target does at each attempt, written once and played by every {@link Face}: return a
 * value, fail with an exception, or hang (a blocking target sleeps an hour of fake time, an async
 * one never completes, an iterated one reports an hour late). The last step repeats. Counts the
 * attempts that reached the target and keeps the failures it threw, so a test can check that the
 * caller saw the very same instance.
 */
final class Script {

  /** How long a hanging attempt takes (fake time). */
  static final Duration HANG = Duration.ofHours(1);

  private final List<Object> steps;
  private final AtomicInteger calls = new AtomicInteger();
  private final List<Exception> thrown = new CopyOnWriteArrayList<>();

  private Script(List<Object> steps) {
    this.steps = steps;
  }

  /** Steps of a target: a value, an {@link Exception} to fail with, or {@link #HANG}. */
  static Script of(Object... steps) {
    return new Script(List.of(steps));
  }

  /** How many attempts reached the target. */
  int calls() {
    return calls.get();
  }

  /** The failures the target threw, in order. */
  List<Exception> thrown() {
    return thrown;
  }

  /** The last failure the target threw. */
  Exception lastThrown() {
    return thrown.get(thrown.size() - 1);
  }

  private Object next() {
    int call = calls.incrementAndGet();
    Object step = steps.get(Math.min(call, steps.size()) - 1);
    if (step instanceof Exception failure) {
      Exception fresh = copyOf(failure, call);
      thrown.add(fresh);
      return fresh;
    }
    return step;
  }

  /** A new instance per attempt, so "the same failure" is checked by identity. */
  private static Exception copyOf(Exception failure, int call) {
    try {
      return failure
          .getClass()
          .getConstructor(String.class)
          .newInstance(failure.getMessage() + " #" + call);
    } catch (ReflectiveOperationException noStringConstructor) {
      return failure;
    }
  }

  /** The blocking target: returns, throws, or sleeps {@link #HANG} of fake time. */
  Object blocking(FakeClock clock) throws Exception {
    Object step = next();
    if (step instanceof Exception failure) {
      throw failure;
    }
    if (step == HANG) {
      FakeTime.sleep(clock, HANG);
      throw new AssertionError("an attempt hung for " + HANG + " without being interrupted");
    }
    return step;
  }

  /** The future target: completed, failed, or never completing. */
  CompletableFuture<Object> future() {
    Object step = next();
    if (step instanceof Exception failure) {
      return CompletableFuture.failedFuture(failure);
    }
    return step == HANG ? new CompletableFuture<>() : CompletableFuture.completedFuture(step);
  }

  /** The Mono target: a value, an error, or never. */
  Mono<Object> mono() {
    Object step = next();
    if (step instanceof Exception failure) {
      return Mono.error(failure);
    }
    return step == HANG ? Mono.never() : Mono.just(step);
  }

  /** The Flux target: one value, an error, or never. */
  Flux<Object> flux() {
    return mono().flux();
  }

  /** The body of an iterated attempt: returns, throws, or returns "late" {@link #HANG} later. */
  Object iterated(FakeClock clock) throws Exception {
    Object step = next();
    if (step instanceof Exception failure) {
      throw failure;
    }
    if (step == HANG) {
      clock.advance(HANG);
      return "late";
    }
    return step;
  }
}
