package io.backon.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brave.handler.MutableSpan;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Hooks;

/**
 * What Brave reports (to Zipkin) from a service traced by Micrometer Tracing's Brave bridge: each
 * {@code @Backon} call is a span {@code backon <policy>} under the span current when it starts,
 * with a child span {@code backon <policy> attempt} per attempt, tagged as the README's observation
 * table says; the attempt's span is current wherever the attempt's code runs, also after a back-off
 * on another thread; failed attempts and failed calls carry the failure (Zipkin's {@code error}
 * tag).
 */
@BraveAppTest
class BackonSpansWithBraveTest {

  private static final String CALL = "backon payments";
  private static final String ATTEMPT = "backon payments attempt";

  @Autowired Payments payments;
  @Autowired ObservationRegistry observations;
  @Autowired FinishedSpans spans;

  @BeforeEach
  void forgetEarlierSpans() {
    spans.reset();
  }

  @Test
  void aBlockingCallIsASpanUnderTheCallersWithAChildSpanPerAttempt() {
    payments.failFirst(1);

    String result =
        Observation.createNotStarted("checkout", observations).observe(() -> charge(payments));

    assertThat(result).isEqualTo("charged");
    MutableSpan checkout = spans.one("checkout");
    MutableSpan call = spans.one(CALL);
    assertThat(call.parentId()).isEqualTo(checkout.id());
    assertThat(call.traceId()).isEqualTo(checkout.traceId());
    List<MutableSpan> attempts = spans.childrenOf(call);
    assertThat(attempts).extracting(MutableSpan::name).containsExactly(ATTEMPT, ATTEMPT);
    assertThat(payments.spansOfAttempts())
        .as("the span current in each attempt's code")
        .containsExactly(attempts.get(0).id(), attempts.get(1).id());
  }

  @Test
  void theCallSpanCarriesThePolicyTargetOutcomeAndAttempts() {
    payments.failFirst(1);

    charge(payments);

    MutableSpan call = spans.one(CALL);
    assertThat(call.tags())
        .containsEntry("backon.policy", "payments")
        .containsEntry("outcome", "success_with_retry")
        .containsEntry("exception", "none")
        .containsEntry("backon.target", "Payments.charge()")
        .containsEntry("backon.attempts", "2");
    assertThat(call.error()).isNull();
  }

  @Test
  void eachAttemptSpanCarriesItsNumberAndOutcomeAndAFailedOneTheError() {
    payments.failFirst(1);

    charge(payments);

    List<MutableSpan> attempts = spans.named(ATTEMPT);
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).tags())
        .containsEntry("backon.attempt", "1")
        .containsEntry("outcome", "failure")
        .containsEntry("exception", "IOException")
        .containsEntry("backon.policy", "payments")
        .containsEntry("backon.target", "Payments.charge()");
    assertThat(attempts.get(0).error()).isInstanceOf(IOException.class);
    assertThat(attempts.get(1).tags())
        .containsEntry("backon.attempt", "2")
        .containsEntry("outcome", "success")
        .containsEntry("exception", "none");
    assertThat(attempts.get(1).error()).isNull();
  }

  @Test
  void aGiveUpMakesTheCallSpanAnErrorWithTheLastFailure() {
    payments.failFirst(3);

    assertThatThrownBy(payments::charge).isInstanceOf(IOException.class);

    MutableSpan call = spans.one(CALL);
    assertThat(call.tags())
        .containsEntry("outcome", "failure_with_retry")
        .containsEntry("exception", "IOException")
        .containsEntry("backon.attempts", "3");
    assertThat(call.error()).isInstanceOf(IOException.class);
    assertThat(spans.childrenOf(call))
        .hasSize(3)
        .allSatisfy(attempt -> assertThat(attempt.error()).isInstanceOf(IOException.class));
  }

  @Test
  void aFutureCallsRetryRunsInItsAttemptsSpanAfterTheBackOffOnAnotherThread() throws Exception {
    payments.failFirst(1);

    Observation checkout = Observation.start("checkout", observations);
    CompletableFuture<String> future;
    try (Observation.Scope scope = checkout.openScope()) {
      future = payments.chargeLater();
    }

    assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo("charged");
    checkout.stop();
    MutableSpan call = spans.one(CALL);
    assertThat(call.parentId()).isEqualTo(spans.one("checkout").id());
    assertThat(call.tags()).containsEntry("backon.target", "Payments.chargeLater()");
    List<MutableSpan> attempts = spans.childrenOf(call);
    assertThat(attempts).extracting(MutableSpan::name).containsExactly(ATTEMPT, ATTEMPT);
    assertThat(payments.spansOfAttempts())
        .containsExactly(attempts.get(0).id(), attempts.get(1).id());
  }

  @Test
  void aMonoCallIsASpanUnderTheObservationOfItsSubscribersContext() {
    payments.failFirst(1);

    Observation request = Observation.start("http.server.requests", observations);
    String result =
        payments
            .chargeReactive()
            .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request))
            .block(Duration.ofSeconds(10));
    request.stop();

    assertThat(result).isEqualTo("charged");
    MutableSpan call = spans.one(CALL);
    assertThat(call.parentId()).isEqualTo(spans.one("http.server.requests").id());
    assertThat(call.tags()).containsEntry("outcome", "success_with_retry");
    assertThat(spans.childrenOf(call))
        .extracting(MutableSpan::name)
        .containsExactly(ATTEMPT, ATTEMPT);
  }

  @Test
  void aMonoTargetOnAnotherSchedulerRunsInItsAttemptsSpanWithAutomaticContextPropagation() {
    payments.failFirst(1);
    Hooks.enableAutomaticContextPropagation();
    try {
      Observation request = Observation.start("http.server.requests", observations);
      payments
          .chargeReactive()
          .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request))
          .block(Duration.ofSeconds(10));
      request.stop();
    } finally {
      Hooks.disableAutomaticContextPropagation();
    }

    List<MutableSpan> attempts = spans.childrenOf(spans.one(CALL));
    assertThat(payments.spansOfAttempts())
        .as("the span current where each attempt's code ran, on a boundedElastic thread")
        .containsExactly(attempts.get(0).id(), attempts.get(1).id());
  }

  @Test
  void aHedgedAttemptIsASpanEveryCopyRunsInAndItTellsHowTheRaceEnded() {
    payments.failFirst(0);

    String quote =
        Observation.createNotStarted("checkout", observations).observe(() -> quote(payments));

    assertThat(quote).isEqualTo("quote");
    MutableSpan call = spans.one("backon quotes");
    MutableSpan attempt = spans.one("backon quotes attempt");
    assertThat(attempt.parentId()).isEqualTo(call.id());
    assertThat(attempt.tags())
        .containsEntry("backon.hedge", "hedge_won")
        .containsEntry("outcome", "success");
    assertThat(payments.spansOfAttempts())
        .as("the span current in the code of the first copy and of its hedge")
        .containsExactly(attempt.id(), attempt.id());
  }

  private static String quote(Payments payments) {
    try {
      return payments.quote();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static String charge(Payments payments) {
    try {
      return payments.charge();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
