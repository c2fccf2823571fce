package io.backon.sample.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BehaviourSettingsTest {

  @Test
  void aBehaviourSurvivesTheRoundTripThroughSettingsAndJson() {
    DownstreamBehaviour behaviour =
        DownstreamBehaviour.builder()
            .failureRate(0.25)
            .throttled(Duration.ofSeconds(4))
            .latency(Duration.ofMillis(30))
            .longTailRate(0.1)
            .longTailLatency(Duration.ofMillis(900))
            .outage(true)
            .resetRate(0.05)
            .failFirst(2)
            .seed(99)
            .build();

    String json =
        new String(DownstreamJson.write(BehaviourSettings.of(behaviour)), StandardCharsets.UTF_8);

    assertThat(BehaviourSettings.parseJson(json).applyTo(DownstreamBehaviour.HEALTHY))
        .isEqualTo(behaviour);
  }

  @Test
  void jsonNamesEveryFieldWithItsUnit() {
    String json =
        new String(
            DownstreamJson.write(BehaviourSettings.of(DownstreamBehaviour.HEALTHY)),
            StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"failureRate\":0.0,\"failureStatus\":503,\"retryAfterSeconds\":-1,"
                + "\"latencyMs\":0,\"longTailRate\":0.0,\"longTailLatencyMs\":2000,\"outage\":false,"
                + "\"resetRate\":0.0,\"failFirst\":0,\"seed\":0}");
  }

  @Test
  void onlyTheFieldsGivenChange() {
    DownstreamBehaviour base = DownstreamBehaviour.builder().failFirst(3).seed(5).build();

    DownstreamBehaviour changed = BehaviourSettings.parseJson("{\"outage\":true}").applyTo(base);

    assertThat(changed).isEqualTo(base.toBuilder().outage(true).build());
  }

  @Test
  void anEmptyBodyChangesNothing() {
    DownstreamBehaviour base = DownstreamBehaviour.builder().failureRate(0.5).build();

    assertThat(BehaviourSettings.parseJson("").applyTo(base)).isEqualTo(base);
  }

  @Test
  void queryParameterTextIsConvertedToNumbersAndBooleans() {
    BehaviourSettings settings =
        BehaviourSettings.parse(
            Map.of(
                "failureRate",
                "0.5",
                "retryAfterSeconds",
                "2",
                "outage",
                "true",
                "latencyMs",
                "15"));

    DownstreamBehaviour behaviour = settings.applyTo(DownstreamBehaviour.HEALTHY);

    assertThat(behaviour.failureRate()).isEqualTo(0.5);
    assertThat(behaviour.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(behaviour.outage()).isTrue();
    assertThat(behaviour.latency()).isEqualTo(Duration.ofMillis(15));
  }

  @Test
  void retryAfterSecondsMinusOneRemovesTheHeader() {
    DownstreamBehaviour throttled =
        DownstreamBehaviour.builder().throttled(Duration.ofSeconds(1)).build();

    DownstreamBehaviour changed =
        BehaviourSettings.parse(Map.of("retryAfterSeconds", -1)).applyTo(throttled);

    assertThat(changed.retryAfter()).isNull();
  }

  @Test
  void anUnknownFieldIsRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> BehaviourSettings.parseJson("{\"failurerate\":0.5}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown behaviour field 'failurerate'; known fields: [failureRate, "
                + "failureStatus, retryAfterSeconds, latencyMs, longTailRate, longTailLatencyMs, "
                + "outage, resetRate, failFirst, seed]");
  }

  @Test
  void aMalformedValueIsRejectedNamingTheField() {
    assertThatThrownBy(() -> BehaviourSettings.parse(Map.of("failFirst", "two")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("behaviour field 'failFirst' is invalid: ");
  }

  @Test
  void malformedJsonIsRejected() {
    assertThatThrownBy(() -> BehaviourSettings.parseJson("{\"outage\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("behaviour is not valid JSON: ");
  }

  @Test
  void anOutOfRangeValueIsRejectedByTheBehaviourRules() {
    BehaviourSettings settings = BehaviourSettings.parseJson("{\"latencyMs\":-5}");

    assertThatThrownBy(() -> settings.applyTo(DownstreamBehaviour.HEALTHY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("latency must be between 0 and 600000 ms but was -5 ms");
  }
}
