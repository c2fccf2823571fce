package io.backon.sample.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Spring wiring alone: properties, life cycle, endpoint. */
class DownstreamConfigurationTest {

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withUserConfiguration(DownstreamConfiguration.class)
          .withPropertyValues("sample.downstream.port=0");

  @Test
  void startsTheDownstreamWithTheContextAndStopsItOnClose() {
    AtomicReference<FlakyDownstream> started = new AtomicReference<>();

    contextRunner.run(
        context -> {
          FlakyDownstream downstream = context.getBean(FlakyDownstream.class);
          started.set(downstream);
          assertThat(downstream.isRunning()).isTrue();
          assertThat(context.getBean(DownstreamEndpoint.class).uri("/data"))
              .hasToString("http://127.0.0.1:" + downstream.port() + "/data");
        });

    assertThat(started.get().isRunning()).isFalse();
  }

  @Test
  void bindsTheLimitsAndTheInitialBehaviourFromProperties() {
    contextRunner
        .withPropertyValues(
            "sample.downstream.max-tracked-request-ids=7",
            "sample.downstream.behaviour.failure-rate=0.25",
            "sample.downstream.behaviour.latency-ms=15",
            "sample.downstream.behaviour.outage=true")
        .run(
            context -> {
              DownstreamProperties properties = context.getBean(DownstreamProperties.class);
              assertThat(properties.maxTrackedRequestIds()).isEqualTo(7);
              assertThat(context.getBean(FlakyDownstream.class).behaviour())
                  .isEqualTo(
                      DownstreamBehaviour.builder()
                          .failureRate(0.25)
                          .latency(Duration.ofMillis(15))
                          .outage(true)
                          .build());
            });
  }

  @Test
  void defaultsToPort8081AndTheHealthyBehaviour() {
    DownstreamProperties defaults =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("sample.downstream", DownstreamProperties.class);

    assertThat(defaults.port()).isEqualTo(8081);
    assertThat(defaults.maxTrackedRequestIds()).isEqualTo(10_000);
    assertThat(defaults.newDownstream().behaviour()).isEqualTo(DownstreamBehaviour.HEALTHY);
  }

  @Test
  void anInvalidInitialBehaviourFailsTheStartNamingTheRule() {
    contextRunner
        .withPropertyValues("sample.downstream.behaviour.failure-status=200")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessage("failureStatus must be between 400 and 599 but was 200");
            });
  }

  @Test
  void theEndpointInsistsOnAnAbsolutePath() {
    contextRunner.run(
        context ->
            assertThatThrownBy(() -> context.getBean(DownstreamEndpoint.class).uri("data"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pathAndQuery must start with '/' but was 'data'"));
  }
}
