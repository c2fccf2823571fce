package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RetryEventsTest {

  private final FakeClock clock = new FakeClock();
  private final List<RetryEvent> events = new ArrayList<>();

  private RetryPolicyBuilder recordingPolicy() {
    RetryPolicyBuilder builder =
        RetryPolicy.builder()
            .name("payments")
            .clock(clock)
            .sleeper(new ManualSleeper(clock))
            .jitter(Jitter.none())
            .wait(Wait.constant(Duration.ofMillis(200)));
    for (EventType type : EventType.values()) {
      builder.listen(type, events::add);
    }
    return builder;
  }

  private List<String> trace() {
    return events.stream().map(e -> e.type() + "#" + e.attemptNumber()).toList();
  }

  @Test
  void hooksFireInTheDocumentedOrderUntilSuccess() throws Exception {
    Retrying.of(recordingPolicy().build())
        .call(FlakyTarget.failingThen("ok", new IOException("down")));

    assertThat(trace())
        .containsExactly(
            "ATTEMPT#1",
            "BEFORE#1",
            "AFTER#1",
            "BEFORE_SLEEP#1",
            "BACKOFF#1",
            "ATTEMPT#2",
            "BEFORE#2",
            "AFTER#2",
            "SUCCESS#2");
  }

  @Test
  void hooksEndWithGiveUpWhenRetryingEnds() {
    assertThatThrownBy(
            () ->
                Retrying.of(recordingPolicy().maxTries(2).build())
                    .call(FlakyTarget.alwaysFailing(new IOException("down"))))
        .isInstanceOf(IOException.class);

    assertThat(trace())
        .containsExactly(
            "ATTEMPT#1",
            "BEFORE#1",
            "AFTER#1",
            "BEFORE_SLEEP#1",
            "BACKOFF#1",
            "ATTEMPT#2",
            "BEFORE#2",
            "AFTER#2",
            "GIVE_UP#2");
    assertThat(events.get(events.size() - 1).giveUpReason()).isEqualTo(GiveUpReason.MAX_TRIES);
  }

  @Test
  void eventsCarryTargetArgumentsOutcomeElapsedAndWait() throws Exception {
    IOException failure = new IOException("down");
    Retrying retrying = Retrying.of(recordingPolicy().build());

    String value =
        retrying.call(
            Invocation.of("PaymentClient.charge", "order-7", 42),
            () -> {
              clock.advance(Duration.ofMillis(30));
              if (Retries.attemptNumber() == 1) {
                throw failure;
              }
              return "charged";
            });

    assertThat(value).isEqualTo("charged");
    RetryEvent after = events.get(2);
    assertThat(after.type()).isEqualTo(EventType.AFTER);
    assertThat(after.policyName()).isEqualTo("payments");
    assertThat(after.targetName()).isEqualTo("PaymentClient.charge");
    assertThat(after.arguments()).containsExactly("order-7", 42);
    assertThat(after.failure()).isSameAs(failure);
    assertThat(after.elapsed()).isEqualTo(Duration.ofMillis(30));
    RetryEvent backoff = events.get(4);
    assertThat(backoff.type()).isEqualTo(EventType.BACKOFF);
    assertThat(backoff.waitDuration()).isEqualTo(Duration.ofMillis(200));
    RetryEvent success = events.get(events.size() - 1);
    assertThat(success.value()).isEqualTo("charged");
    assertThat(success.failure()).isNull();
    assertThat(success.elapsed()).isEqualTo(Duration.ofMillis(260));
    assertThat(success.toString()).contains("SUCCESS", "payments", "PaymentClient.charge");
  }

  @Test
  void aLambdaTargetIsNamedAfterItsDeclaringClass() throws Exception {
    Retrying.of(recordingPolicy().build()).call(() -> "ok");

    assertThat(events.get(0).targetName()).isEqualTo(RetryEventsTest.class.getName() + " (lambda)");
    assertThat(events.get(0).arguments()).isEmpty();
  }

  @Test
  void severalListenersPerHookRunInRegistrationOrder() throws Exception {
    List<String> order = new ArrayList<>();
    RetryPolicy policy =
        RetryPolicy.builder()
            .onSuccess(e -> order.add("first"))
            .onSuccess(e -> order.add("second"))
            .build();

    Retrying.of(policy).call(() -> "ok");

    assertThat(order).containsExactly("first", "second");
  }

  @Test
  void aThrowingListenerNeverBreaksTheCall() throws Exception {
    List<String> reached = new ArrayList<>();
    RetryPolicy policy =
        recordingPolicy()
            .before(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .onSuccess(e -> reached.add("success"))
            .build();

    String value = Retrying.of(policy).call(FlakyTarget.failingThen("ok", new IOException()));

    assertThat(value).isEqualTo("ok");
    assertThat(reached).containsExactly("success");
  }

  @Test
  void eventArgumentsCannotBeModified() throws Exception {
    Retrying.of(recordingPolicy().build()).call(Invocation.of("t", "a", null), () -> "ok");

    List<@Nullable Object> arguments = events.get(0).arguments();
    assertThat(arguments).containsExactly("a", null);
    assertThatThrownBy(() -> arguments.add("b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> arguments.set(0, "b"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> arguments.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everyEventOfACallSharesTheInvocationsArgumentsInsteadOfCopyingThem() throws Exception {
    Invocation invocation = Invocation.of("PaymentClient.charge", "order-7", 42);

    Retrying.of(recordingPolicy().build())
        .call(invocation, FlakyTarget.failingThen("ok", new IOException()));

    assertThat(events).hasSizeGreaterThan(2);
    assertThat(events).allSatisfy(e -> assertThat(e.arguments()).isSameAs(invocation.arguments()));
  }

  @Test
  void anEventBuiltByHandCopiesTheArgumentsItIsGiven() {
    List<@Nullable Object> mutable = new ArrayList<>(List.of("a"));
    RetryEvent event =
        new RetryEvent(
            EventType.AFTER, "p", "t", mutable, 1, Duration.ZERO, null, null, Duration.ZERO, null);

    mutable.set(0, "changed");
    mutable.add("b");

    assertThat(event.arguments()).containsExactly("a");
    assertThat(event.arguments()).isEqualTo(List.of("a")).hasSameHashCodeAs(List.of("a"));
    assertThat(event.arguments()).hasToString("[a]");
  }

  @Test
  void aGiveUpIsDescribedByItsReasonUnlessGivenOwnWords() {
    RetryEvent plain =
        new RetryEvent(
            EventType.GIVE_UP,
            "p",
            "t",
            List.of(),
            2,
            Duration.ZERO,
            null,
            null,
            Duration.ZERO,
            GiveUpReason.MAX_TRIES);
    RetryEvent worded = event(EventType.GIVE_UP, GiveUpReason.GIVE_UP_PREDICATE, "card declined");

    assertThat(plain.giveUpDescription()).isEqualTo("max tries reached");
    assertThat(worded.giveUpDescription()).isEqualTo("card declined");
    assertThat(worded)
        .hasToString(
            "RetryEvent{GIVE_UP, policy=p, target=t, attempt=1, elapsed=PT0S, value=null,"
                + " reason=card declined}");
    assertThat(event(EventType.AFTER, null, "ignored").giveUpDescription()).isNull();
    assertThatThrownBy(() -> event(EventType.GIVE_UP, GiveUpReason.MAX_TRIES, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("giveUpDescription");
  }

  private static RetryEvent event(
      EventType type, @Nullable GiveUpReason reason, @Nullable String description) {
    return new RetryEvent(
        type,
        "p",
        "t",
        List.of(),
        1,
        Duration.ZERO,
        null,
        null,
        Duration.ZERO,
        reason,
        description);
  }
}
