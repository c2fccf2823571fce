package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /actuator/backon/events} after an outage and its end, as an operator would poll it: the
 * retries and give-ups of each policy, the hedged attempts that all failed, the breaker opening and
 * closing again, and the budget refusing retries; a successful call adds nothing.
 */
class OutageEventsTest extends RunningSampleApp {

  @Test
  void theOutageAndItsEndAreInTheEventHistory() {
    long before = latest();
    driveAnOutageAndItsEnd("events");
    downstreamBehaves(b -> b.outage(true));
    for (int call = 1; call <= 3; call++) {
      run("budget", "events-budget-" + call);
    }

    List<String> retry = describe(events("?name=downstream-retry&since=" + before));
    List<String> hedged = describe(events("?name=downstream-hedged&kind=hedge&since=" + before));
    List<String> breaker = describe(events("?name=downstream&kind=transition&since=" + before));
    List<String> budget = describe(events("?name=downstream&kind=budget-refusal&since=" + before));

    assertThat(retry)
        .as("2 calls of 4 attempts, then 2 of 3 saved by the fallback")
        .filteredOn(event -> event.startsWith("retry"))
        .hasSize(3 + 3 + 2 + 2);
    assertThat(retry)
        .filteredOn(event -> event.startsWith("give-up"))
        .containsOnly("give-up MAX_TRIES ServiceUnavailable")
        .hasSize(4);
    assertThat(hedged)
        .containsExactly(
            "hedge all_failed", "hedge all_failed", "hedge all_failed", "hedge all_failed");
    assertThat(breaker)
        .containsExactly(
            "transition CLOSED OPEN", "transition OPEN HALF_OPEN", "transition HALF_OPEN CLOSED");
    assertThat(budget)
        .as("the budget allows three retries; the second and third calls are refused")
        .containsExactly(
            "budget-refusal downstream-budgeted BUDGET_EXHAUSTED ServiceUnavailable",
            "budget-refusal downstream-budgeted BUDGET_EXHAUSTED ServiceUnavailable");
  }

  @Test
  void successfulCallsAddNoEvent() {
    long before = latest();

    run("retry", "healthy-1");
    run("hedged", "healthy-2");
    run("breaker", "healthy-3");

    assertThat(events("?since=" + before).at("/events").size()).isZero();
  }

  private long latest() {
    return events("").at("/latest").asLong();
  }

  private JsonNode events(String query) {
    return json("/actuator/backon/events" + query, 200);
  }

  /**
   * Each event as one line: kind, then the policy, outcome, states, reason and exception it has.
   */
  private static List<String> describe(JsonNode answer) {
    List<String> lines = new ArrayList<>();
    for (JsonNode event : answer.at("/events")) {
      StringBuilder line = new StringBuilder(event.at("/kind").asString());
      for (String field : List.of("policy", "outcome", "from", "to", "reason", "exception")) {
        if (event.has(field)) {
          line.append(' ').append(event.get(field).asString());
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
