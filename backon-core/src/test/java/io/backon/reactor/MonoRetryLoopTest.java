package io.backon.reactor;

import static io.backon.reactor.ReactorPolicies.everySecond;
import static io.backon.reactor.ReactorPolicies.noWait;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.backon.RetryPolicy;
import io.backon.micrometer.BackonMeterNames;
import io.backon.micrometer.BackonMicrometer;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/**
 * A Mono call subscribes its attempts one after the other with one subscriber: deep runs of
 * synchronous failures do not deepen the stack, a cancelled call starts nothing more, and a
 * successful subscription allocates less than Reactor's own {@code retryWhen} for the same source.
 */
class MonoRetryLoopTest {

  @Test
  void thousandsOfSynchronousFailuresWithoutAWaitDoNotDeepenTheStack() {
    Flaky flaky = new Flaky();
    RetryPolicy policy = noWait().maxTries(20_000).build();

    StepVerifier.create(flaky.failing(10_000, "ok").transform(BackonReactor.retry(policy)))
        .expectNext("ok")
        .verifyComplete();

    assertThat(flaky.subscriptions).hasValue(10_001);
  }

  @Test
  void aCallCancelledDuringItsWaitSubscribesNoFurtherAttempt() {
    Flaky flaky = new Flaky();

    StepVerifier.withVirtualTime(
            () -> flaky.alwaysFailing().transform(BackonReactor.retry(everySecond().build())))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(500))
        .thenCancel()
        .verify();

    assertThat(flaky.subscriptions).hasValue(1);
  }

  @Test
  void aCancelAfterTheValueWasEmittedLeavesTheCallASuccessInItsMeters() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    RetryPolicy policy =
        noWait().name("quotes").instrumentation(BackonMicrometer.of(meters)).build();
    Disposable subscription =
        new Flaky().failing(1, "ok").transform(BackonReactor.retry(policy)).subscribe();

    subscription.dispose();

    assertThat(meters.get(BackonMeterNames.CALLS).timers())
        .singleElement()
        .satisfies(
            timer -> {
              assertThat(timer.getId().getTag("outcome")).isEqualTo("success_with_retry");
              assertThat(timer.count()).isEqualTo(1);
            });
  }

  @Test
  void aSuccessfulSubscriptionAllocatesLessThanReactorsOwnRetryWhen() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .name("quotes")
            .maxTries(3)
            .wait(Wait.expo(Duration.ofMillis(100), Duration.ofSeconds(5)))
            .jitter(Jitter.full())
            .retryOn(IOException.class)
            .onBackoff(event -> {})
            .build();
    RetryOperator<String> backon = BackonReactor.retry(policy);
    Retry reactor =
        Retry.backoff(2, Duration.ofMillis(100))
            .maxBackoff(Duration.ofSeconds(5))
            .jitter(1.0)
            .filter(IOException.class::isInstance);
    Mono<String> source = Mono.fromSupplier(() -> "quote");

    long backonBytes = bytesPerCall(() -> source.transform(backon).block());
    long reactorBytes = bytesPerCall(() -> source.retryWhen(reactor).block());

    assertThat(backonBytes)
        .as("bytes per successful subscription, against retryWhen's %d", reactorBytes)
        .isLessThanOrEqualTo(reactorBytes);
  }

  private static long bytesPerCall(Supplier<String> call) {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    long thread = Thread.currentThread().getId();
    int calls = 20_000;
    for (int i = 0; i < calls; i++) {
      call.get();
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < calls; i++) {
      call.get();
    }
    return (threads.getThreadAllocatedBytes(thread) - before) / calls;
  }
}
