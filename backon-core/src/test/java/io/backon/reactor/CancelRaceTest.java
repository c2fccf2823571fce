package io.backon.reactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.RetryPolicy;
import io.backon.instrumentation.CallOutcome;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A Mono or Flux call cancelled on one thread while its attempts end and its wait timers fire on
 * others: the subscriber gets serial signals and at most one terminal one, every attempt the
 * instrumentation saw start is ended, and the call ends once, as cancelled only when the subscriber
 * got no answer.
 */
class CancelRaceTest {

  @Test
  void aMonoCancelRacingAttemptsAndTimersOnOtherThreadsLeavesOneConsistentEnd() throws Exception {
    raceCancels(false);
  }

  @Test
  void aFluxCancelRacingAttemptsAndTimersOnOtherThreadsLeavesOneConsistentEnd() throws Exception {
    raceCancels(true);
  }

  private static void raceCancels(boolean asFlux) throws Exception {
    for (int round = 0; round < 2_000; round++) {
      MonoCallSubscriberTest.Tracing tracing = new MonoCallSubscriberTest.Tracing();
      RetryPolicy policy =
          RetryPolicy.builder()
              .maxTries(5)
              .wait(Wait.constant(Duration.ofNanos(1_000)))
              .jitter(Jitter.none())
              .instrumentation(tracing)
              .build();
      AtomicInteger subscriptions = new AtomicInteger();
      Mono<String> source =
          Mono.fromCallable(
                  () -> {
                    if (subscriptions.incrementAndGet() < 3) {
                      throw new IOException("down");
                    }
                    return "ok";
                  })
              .subscribeOn(Schedulers.parallel());
      Recorder recorder = new Recorder();
      if (asFlux) {
        BackonReactor.<String>retry(policy).flux(source).subscribe(recorder);
      } else {
        source.transform(BackonReactor.retry(policy)).subscribe(recorder);
      }
      recorder.subscribed.await();
      int spin = ThreadLocalRandom.current().nextInt(20_000);
      for (int i = 0; i < spin; i++) {
        Thread.onSpinWait();
      }
      recorder.subscription.cancel();

      await()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(1))
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                assertThat(tracing.calls).hasSize(1);
                assertThat(tracing.attemptsEnded.get()).isEqualTo(tracing.attemptsStarted.get());
              });
      assertThat(recorder.overlaps).hasValue(0);
      assertThat(recorder.terminals).hasValueLessThanOrEqualTo(1);
      if (!asFlux && !recorder.values.isEmpty()) {
        assertThat(tracing.calls).containsExactly(CallOutcome.SUCCESS_WITH_RETRY);
      }
      if (tracing.failures.get(0) instanceof CancellationException) {
        assertThat(recorder.terminals).hasValue(0);
        if (!asFlux) {
          assertThat(recorder.values).isEmpty();
        }
      }
    }
  }

  /** Records signals; counts signals that overlap and terminal signals. */
  static final class Recorder implements CoreSubscriber<String> {
    final CountDownLatch subscribed = new CountDownLatch(1);
    final List<String> values = new CopyOnWriteArrayList<>();
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicInteger terminals = new AtomicInteger();
    volatile Subscription subscription;

    @Override
    public void onSubscribe(Subscription s) {
      subscription = s;
      s.request(1);
      subscribed.countDown();
    }

    @Override
    public void onNext(String value) {
      enter();
      values.add(value);
      inside.decrementAndGet();
    }

    @Override
    public void onError(Throwable failure) {
      enter();
      terminals.incrementAndGet();
      inside.decrementAndGet();
    }

    @Override
    public void onComplete() {
      enter();
      terminals.incrementAndGet();
      inside.decrementAndGet();
    }

    private void enter() {
      if (inside.incrementAndGet() != 1) {
        overlaps.incrementAndGet();
      }
    }
  }
}
