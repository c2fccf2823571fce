package io.backon.reactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.EventType;
import io.backon.Invocation;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The Reactor face reports the same events, in the same order, as the blocking face. */
class ReactorEventsTest {

  private final List<RetryEvent> events = new ArrayList<>();

  private RetryPolicy recordingPolicy(int maxTries) {
    RetryPolicyBuilder builder =
        RetryPolicy.builder()
            .name("payments")
            .maxTries(maxTries)
            .wait(Wait.none())
            .jitter(Jitter.none());
    for (EventType type : EventType.values()) {
      builder.listen(type, events::add);
    }
    return builder.build();
  }

  /** Fails with "down #n" until attempt {@code failures} + 1, which returns "ok". */
  private static Callable<String> flaky(int failures) {
    AtomicInteger calls = new AtomicInteger();
    return () -> {
      int n = calls.incrementAndGet();
      if (n <= failures) {
        throw new IOException("down #" + n);
      }
      return "ok";
    };
  }

  private List<String> traceAndClear() {
    List<String> trace =
        events.stream()
            .map(
                e ->
                    e.type()
                        + "#"
                        + e.attemptNumber()
                        + " value="
                        + e.value()
                        + " failure="
                        + (e.failure() == null ? null : e.failure().getMessage())
                        + " wait="
                        + e.waitDuration()
                        + " reason="
                        + e.giveUpReason()
                        + " policy="
                        + e.policyName())
            .toList();
    events.clear();
    return trace;
  }

  @Test
  void successAfterRetriesFiresTheSameEventsAsTheBlockingFace() throws Exception {
    RetryPolicy policy = recordingPolicy(3);
    Retrying.of(policy).call(flaky(2));
    List<String> blocking = traceAndClear();

    StepVerifier.create(Mono.fromCallable(flaky(2)).transform(BackonReactor.retry(policy)))
        .expectNext("ok")
        .verifyComplete();

    assertThat(traceAndClear()).isEqualTo(blocking).hasSize(14);
  }

  @Test
  void givingUpFiresTheSameEventsAsTheBlockingFace() {
    RetryPolicy policy = recordingPolicy(2);
    assertThatThrownBy(() -> Retrying.of(policy).call(flaky(5))).isInstanceOf(IOException.class);
    List<String> blocking = traceAndClear();

    StepVerifier.create(Mono.fromCallable(flaky(5)).transform(BackonReactor.retry(policy)))
        .expectError(IOException.class)
        .verify();

    assertThat(traceAndClear()).isEqualTo(blocking).last().asString().startsWith("GIVE_UP#2");
  }

  @Test
  void aRejectedValueFiresTheSameEventsAsTheBlockingFace() throws Exception {
    RetryPolicy policy = recordingPolicy(3).toBuilder().retryIfResult("busy"::equals).build();
    AtomicInteger blockingCalls = new AtomicInteger();
    Retrying.of(policy).call(() -> blockingCalls.incrementAndGet() < 2 ? "busy" : "done");
    List<String> blocking = traceAndClear();

    AtomicInteger reactiveCalls = new AtomicInteger();
    StepVerifier.create(
            Mono.fromCallable(() -> reactiveCalls.incrementAndGet() < 2 ? "busy" : "done")
                .transform(BackonReactor.retry(policy)))
        .expectNext("done")
        .verifyComplete();

    assertThat(traceAndClear()).isEqualTo(blocking);
  }

  @Test
  void aNamedOperatorReportsTheInvocationAndKeepsStatistics() {
    RetryOperator<String> operator =
        BackonReactor.<String>retry(recordingPolicy(2).toBuilder().statistics(true).build())
            .withInvocation(Invocation.of("PaymentClient.charge", 42));

    StepVerifier.create(Mono.fromCallable(flaky(1)).transform(operator))
        .expectNext("ok")
        .verifyComplete();

    assertThat(events)
        .allSatisfy(
            event -> {
              assertThat(event.targetName()).isEqualTo("PaymentClient.charge");
              assertThat(event.arguments()).containsExactly(42);
            });
    assertThat(operator.statistics().attemptNumber()).isEqualTo(2);
  }

  @Test
  void statisticsAreRefusedWhenThePolicyDoesNotKeepThem() {
    assertThatThrownBy(() -> BackonReactor.retry(recordingPolicy(2)).statistics())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("statistics(true)");
  }
}
