package io.backon.reactor;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.publisher.Operators;

/**
 * One Mono attempt whose outcome (its value, emptiness, or failure) goes to the call's decision,
 * and whose signal is that decision's answer: the value, an empty completion, or a failure (the
 * give-up's, or the internal retry signal). One subscriber per attempt, where {@code materialize()}
 * and {@code flatMap} would take two operators, a signal and an inner Mono. The decision runs even
 * when the subscriber cancelled meanwhile, as it would inside {@code flatMap}. Not API.
 *
 * @param <T> the value type
 */
final class SettledAttempt<T> extends MonoOperator<T, T> {

  /** What the call makes of an attempt's outcome. */
  @FunctionalInterface
  interface Decision<T> {

    /**
     * Settles the attempt that ended with {@code value} ({@code null}: empty) or {@code failure}.
     *
     * @return the value to emit, or {@code null} to complete empty
     * @throws Throwable the failure to emit
     */
    @Nullable T answer(@Nullable T value, @Nullable Throwable failure) throws Throwable;
  }

  private final Decision<T> decision;

  SettledAttempt(Mono<? extends T> attempt, Decision<T> decision) {
    super(attempt);
    this.decision = decision;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    source.subscribe(new Settling<>(actual, decision));
  }

  /** Holds the attempt's value until it completes, then emits the decision's answer. */
  private static final class Settling<T> extends Operators.MonoSubscriber<T, T> {

    private final Decision<T> decision;
    private @Nullable Subscription upstream;
    private @Nullable T received;
    private boolean done;

    Settling(CoreSubscriber<? super T> actual, Decision<T> decision) {
      super(actual);
      this.decision = decision;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      if (Operators.validate(upstream, subscription)) {
        upstream = subscription;
        actual.onSubscribe(this);
        subscription.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(T value) {
      if (done) {
        Operators.onNextDropped(value, actual.currentContext());
        return;
      }
      received = value;
    }

    @Override
    public void onError(Throwable failure) {
      if (done) {
        Operators.onErrorDropped(failure, actual.currentContext());
        return;
      }
      done = true;
      answer(null, failure);
    }

    @Override
    public void onComplete() {
      if (done) {
        return;
      }
      done = true;
      T value = received;
      received = null;
      answer(value, null);
    }

    private void answer(@Nullable T value, @Nullable Throwable failure) {
      T answer;
      try {
        answer = decision.answer(value, failure);
      } catch (Throwable thrown) {
        actual.onError(thrown);
        return;
      }
      if (answer == null) {
        actual.onComplete();
      } else {
        complete(answer);
      }
    }

    @Override
    public void cancel() {
      super.cancel();
      Subscription subscription = upstream;
      if (subscription != null) {
        subscription.cancel();
      }
    }
  }
}
