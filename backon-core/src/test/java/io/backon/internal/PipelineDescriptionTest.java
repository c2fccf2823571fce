package io.backon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.hedge.HedgingPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A pipeline names its policy and its layers, outermost first, for debugging. */
class PipelineDescriptionTest {

  @Test
  void aPolicyWithoutLayersCallsTheTargetDirectly() {
    assertThat(Pipeline.of(RetryPolicy.builder().name("plain").build()))
        .hasToString("Pipeline{plain: target}");
  }

  @Test
  void theLayersAreNamedOutermostFirst() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .name("full")
            .hedging(HedgingPolicy.builder().maxHedges(2).build())
            .circuitBreaker(CircuitBreaker.ofDefaults("inventory"))
            .attemptTimeout(Duration.ofSeconds(2))
            .build();

    assertThat(Pipeline.of(policy))
        .hasToString("Pipeline{full: hedge(2) → breaker(inventory) → timeout(PT2S) → target}");
  }
}
