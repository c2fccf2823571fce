package io.backon.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.GiveUpReason;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgeListener;
import io.backon.hedge.HedgeOutcome;
import io.backon.hedge.HedgingPolicy;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the event history records through the public listener APIs, and what it keeps: a fixed ring
 * per policy, breaker and budget, nothing on the success path, ids for polling.
 */
class BackonEventHistoryTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:15:30Z");

  private final BackonEventHistory history =
      new BackonEventHistory(100, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aRetriedCallRecordsEachRetryWithItsAttemptWaitAndException() throws Exception {
    Retrying retrying = Retrying.of(history.decorate(policy("payments").maxTries(3).build()));

    failTwiceThenSucceed(retrying);

    assertThat(json(history.events(null, null, 0)))
        .containsExactly(
            Map.of(
                "id",
                1L,
                "time",
                "2026-12-06T10:15:30Z",
                "kind",
                "retry",
                "source",
                "policy",
                "name",
                "payments",
                "attempt",
                1,
                "wait",
                "PT0.1S",
                "exception",
                "IOException"),
            Map.of(
                "id",
                2L,
                "time",
                "2026-12-06T10:15:30Z",
                "kind",
                "retry",
                "source",
                "policy",
                "name",
                "payments",
                "attempt",
                2,
                "wait",
                "PT0.1S",
                "exception",
                "IOException"));
  }

  @Test
  void aCallThatGivesUpRecordsTheGiveUpWithItsReason() {
    Retrying retrying = Retrying.of(history.decorate(policy("payments").maxTries(2).build()));

    assertThatThrownBy(
            () ->
                retrying.call(
                    () -> {
                      throw new IOException("down");
                    }))
        .isInstanceOf(IOException.class);

    assertThat(json(history.events("payments", EventKind.GIVE_UP, 0)))
        .containsExactly(
            Map.of(
                "id",
                2L,
                "time",
                "2026-12-06T10:15:30Z",
                "kind",
                "give-up",
                "source",
                "policy",
                "name",
                "payments",
                "attempt",
                2,
                "exception",
                "IOException",
                "reason",
                "MAX_TRIES",
                "reasonText",
                "max tries reached"));
  }

  @Test
  void aGiveUpPredicateGivenAReasonIsRecordedInItsWords() {
    Retrying retrying =
        Retrying.of(
            history.decorate(
                policy("payments").giveUpIf(e -> true, "card declined for good").build()));

    assertThatThrownBy(
            () ->
                retrying.call(
                    () -> {
                      throw new IOException("declined");
                    }))
        .isInstanceOf(IOException.class);

    assertThat(json(history.events("payments", EventKind.GIVE_UP, 0)))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event)
                    .containsEntry("reason", "GIVE_UP_PREDICATE")
                    .containsEntry("reasonText", "card declined for good"));
  }

  @Test
  void aSuccessfulCallRecordsNothing() throws Exception {
    Retrying retrying = Retrying.of(history.decorate(policy("payments").build()));

    retrying.call(() -> "ok");

    assertThat(history.events(null, null, 0)).isEmpty();
    assertThat(history.latest()).isZero();
  }

  @Test
  void aRetryTheBudgetRefusesIsAGiveUpOfThePolicyAndARefusalOfTheBudget() {
    RetryBudget budget = RetryBudget.builder().name("shared").maxTokens(2).build();
    budget.onFailure();
    Retrying retrying =
        Retrying.of(history.decorate(policy("payments").retryBudget(budget).build()));

    assertThatThrownBy(
            () ->
                retrying.call(
                    () -> {
                      throw new IOException("down");
                    }))
        .isInstanceOf(IOException.class);

    assertThat(json(history.events("shared", null, 0)))
        .containsExactly(
            Map.of(
                "id",
                2L,
                "time",
                "2026-12-06T10:15:30Z",
                "kind",
                "budget-refusal",
                "source",
                "budget",
                "name",
                "shared",
                "policy",
                "payments",
                "attempt",
                1,
                "exception",
                "IOException",
                "reason",
                GiveUpReason.BUDGET_EXHAUSTED.name(),
                "reasonText",
                "budget exhausted"));
    assertThat(history.events("payments", EventKind.GIVE_UP, 0))
        .singleElement()
        .satisfies(event -> assertThat(event.reason()).isEqualTo(GiveUpReason.BUDGET_EXHAUSTED));
  }

  @Test
  void aHedgedAttemptIsRecordedUnlessItsFirstCopyWon() {
    List<HedgeOutcome> told = new ArrayList<>();
    HedgingPolicy hedging =
        HedgingPolicy.builder()
            .maxHedges(2)
            .onHedge(
                new HedgeListener() {
                  @Override
                  public void onHedge(int hedgeNumber) {}

                  @Override
                  public void onOutcome(HedgeOutcome outcome) {
                    told.add(outcome);
                  }
                })
            .build();
    RetryPolicy decorated = history.decorate(policy("search").hedging(hedging).build());
    HedgeListener listener = decorated.hedging().onHedge();

    listener.onOutcome(HedgeOutcome.PRIMARY_WON);
    listener.onOutcome(HedgeOutcome.HEDGE_WON);
    listener.onOutcome(HedgeOutcome.ALL_FAILED);

    assertThat(history.events("search", EventKind.HEDGE, 0))
        .extracting(RecordedEvent::outcome)
        .containsExactly(HedgeOutcome.HEDGE_WON, HedgeOutcome.ALL_FAILED);
    assertThat(told)
        .as("the policy's own listener still hears every outcome")
        .containsExactly(HedgeOutcome.PRIMARY_WON, HedgeOutcome.HEDGE_WON, HedgeOutcome.ALL_FAILED);
  }

  @Test
  void aWatchedBreakerRecordsEachTransitionOnce() {
    CircuitBreaker breaker = CircuitBreaker.ofDefaults("payments-api");
    history.watch(breaker);
    history.watch(breaker);

    breaker.forceOpen();
    breaker.close();

    assertThat(json(history.events("payments-api", EventKind.TRANSITION, 0)))
        .extracting(event -> event.get("from") + "->" + event.get("to"))
        .containsExactly("CLOSED->FORCED_OPEN", "FORCED_OPEN->CLOSED");
  }

  @Test
  void decoratingAPolicyWatchesItsBreaker() {
    CircuitBreaker breaker = CircuitBreaker.ofDefaults("payments-api");
    history.decorate(policy("payments").circuitBreaker(breaker).build());

    breaker.forceOpen();

    assertThat(history.events("payments-api", null, 0)).hasSize(1);
  }

  @Test
  void decoratingTwiceRecordsEachEventOnce() throws Exception {
    Retrying retrying = Retrying.of(history.decorate(history.decorate(policy("payments").build())));

    failTwiceThenSucceed(retrying);

    assertThat(history.events(null, null, 0)).hasSize(2);
  }

  @Test
  void eachPolicyKeepsOnlyItsLastCapacityEventsWhateverTheTraffic() throws Exception {
    BackonEventHistory small = new BackonEventHistory(3, Clock.systemUTC());
    Retrying busy = Retrying.of(small.decorate(policy("busy").maxTries(11).build()));
    Retrying quiet = Retrying.of(small.decorate(policy("quiet").build()));

    failTwiceThenSucceed(quiet);
    for (int call = 0; call < 100; call++) {
      failTimesThenSucceed(busy, 10);
    }

    assertThat(small.events("busy", null, 0))
        .extracting(RecordedEvent::attempt)
        .as("the newest three of a thousand")
        .containsExactly(8, 9, 10);
    assertThat(small.events("quiet", null, 0)).as("untouched by the busy policy").hasSize(2);
    assertThat(small.latest()).isEqualTo(1002);
  }

  @Test
  void sinceReturnsOnlyEventsNewerThanTheCursor() throws Exception {
    Retrying retrying = Retrying.of(history.decorate(policy("payments").build()));
    failTwiceThenSucceed(retrying);
    long cursor = history.latest();

    failTwiceThenSucceed(retrying);

    assertThat(history.events(null, null, cursor))
        .extracting(RecordedEvent::id)
        .containsExactly(3L, 4L);
    assertThat(history.events(null, null, history.latest())).isEmpty();
  }

  @Test
  void eventsAreFilteredByNameAndKind() throws Exception {
    Retrying payments = Retrying.of(history.decorate(policy("payments").maxTries(2).build()));
    Retrying search = Retrying.of(history.decorate(policy("search").build()));
    failTwiceThenSucceed(search);
    assertThatThrownBy(
            () ->
                payments.call(
                    () -> {
                      throw new IOException("down");
                    }))
        .isInstanceOf(IOException.class);

    assertThat(history.events("search", null, 0))
        .extracting(RecordedEvent::kind)
        .containsExactly(EventKind.RETRY, EventKind.RETRY);
    assertThat(history.events(null, EventKind.GIVE_UP, 0))
        .extracting(RecordedEvent::name)
        .containsExactly("payments");
  }

  @Test
  void theCapacityMustBeAtLeastOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BackonEventHistory(0, Clock.systemUTC()))
        .withMessage("backon.events.capacity must be >= 1 and <= 10000 but was 0");
  }

  /** A policy named {@code name} that waits a constant 100 ms without really sleeping. */
  private static RetryPolicyBuilder policy(String name) {
    return RetryPolicy.builder()
        .name(name)
        .wait(Wait.constant(Duration.ofMillis(100)))
        .jitter(Jitter.none())
        .sleeper(new ManualSleeper());
  }

  private static void failTwiceThenSucceed(Retrying retrying) throws Exception {
    failTimesThenSucceed(retrying, 2);
  }

  private static void failTimesThenSucceed(Retrying retrying, int failures) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    retrying.call(
        () -> {
          if (calls.incrementAndGet() <= failures) {
            throw new IOException("down");
          }
          return "ok";
        });
  }

  private static List<Map<String, Object>> json(List<RecordedEvent> events) {
    return events.stream().map(RecordedEvent::json).toList();
  }
}
