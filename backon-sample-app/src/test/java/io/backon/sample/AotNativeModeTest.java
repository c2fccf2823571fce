package io.backon.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample app processed by Spring AOT and run in Spring's native-image mode ({@link
 * AotProcessedApp}): Backon's proxies come from build time, and every kind of {@code @Backon} call
 * works — blocking, {@code CompletableFuture}, {@code Mono}, class-level, fallback, circuit
 * breaker, and the HTTP layer's own retries — as does {@code /actuator/backon}, and {@code
 * backon.*} values still come from run-time configuration. One processing, one startup (about a
 * minute on 2 cores).
 */
@EnabledForJreRange(
    min = JRE.JAVA_25,
    disabledReason =
        "Spring's native-image mode is tested on JDK 25, the JDK"
            + " of the GraalVM 25 that Spring Boot 4 native images are built with (CI runs it on Temurin 25)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AotNativeModeTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AotProcessedApp app;

  @BeforeAll
  void processCompileAndStart() throws Exception {
    // A policy setting given only at run time: AOT fixes bean definitions, not backon.* values.
    app = AotProcessedApp.processCompileAndStart("--backon.policies.downstream-retry.max-tries=5");
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  @BeforeEach
  void healthyDownstreamAndClosedBreaker() throws Exception {
    app.send("POST", "/downstream/reset", "");
    app.send("POST", "/actuator/backon/circuit-breakers/downstream", "{\"state\":\"closed\"}");
  }

  @Test
  void theAppRunsFromAotGeneratedCodeWithBackonsProxyClassesFromBuildTime() throws Exception {
    assertThat(app.output())
        .contains("Starting AOT-processed SampleApplication")
        .doesNotContain("BACKON-CFG");
    for (String service :
        new String[] {"DownstreamService", "AsyncDownstreamService", "CatalogService"}) {
      assertThat(
              AotProcessedApp.WORK.resolve(
                  "classes/io/backon/sample/scenarios/" + service + "$$SpringCGLIB$$0.class"))
          .as(service)
          .exists();
    }
  }

  @Test
  void theBuildRegisteredWhatBackonReachesByReflection() throws Exception {
    String metadata;
    try (var files = Files.walk(AotProcessedApp.WORK.resolve("resources"))) {
      metadata =
          Files.readString(
              files
                  .filter(f -> f.endsWith("reachability-metadata.json"))
                  .findFirst()
                  .orElseThrow());
    }

    assertThat(metadata)
        .contains(
            "\"lastKnownGood\"",
            "\"newVirtualThreadPerTaskExecutor\"",
            "\"org.springframework.web.client.HttpClientErrorException$TooManyRequests\"",
            "\"org.springframework.web.reactive.function.client.WebClientRequestException\"",
            "\"io.backon.sample.client.DownstreamReply\"",
            // looked up by name at run time: Mono methods, Retry-After of WebClient answers
            "\"reactor.core.publisher.Mono\"",
            "\"org.springframework.web.reactive.function.client.WebClientResponseException\"",
            // /actuator/backon/events answers it as an Object: Jackson reads it by reflection
            "\"io.backon.spring.boot.autoconfigure.actuate.EventsDescriptor\"");
  }

  @Test
  void aBlockingCallIsRetriedUntilTheDownstreamAnswers() throws Exception {
    failFirstTwoHits();

    JsonNode result = run("retry", "aot-blocking");

    assertThat(result.get("outcome").asString()).isEqualTo("success");
    assertThat(result.get("serverHits").asInt()).isEqualTo(3);
  }

  @Test
  void aCompletableFutureIsRetriedUntilTheDownstreamAnswers() throws Exception {
    failFirstTwoHits();

    JsonNode result = run("async", "aot-future");

    assertThat(result.get("outcome").asString()).isEqualTo("success");
    assertThat(result.get("serverHits").asInt()).isEqualTo(3);
  }

  @Test
  void aMonoIsRetriedUntilTheDownstreamAnswers() throws Exception {
    failFirstTwoHits();

    JsonNode result = run("reactive", "aot-mono");

    assertThat(result.get("outcome").asString()).isEqualTo("success");
    assertThat(result.get("serverHits").asInt()).isEqualTo(3);
  }

  @Test
  void aMethodUnderAClassLevelBackonIsRetriedUntilTheDownstreamAnswers() throws Exception {
    failFirstTwoHits();

    JsonNode result = run("catalog-item", "aot-class-level");

    assertThat(result.get("outcome").asString()).isEqualTo("success");
    assertThat(result.get("serverHits").asInt()).isEqualTo(3);
    assertThat(result.get("policy").asString()).isEqualTo("downstream-default");
  }

  @Test
  void theHttpLayerRetriesARequestMadeOutsideAnyBackonMethod() throws Exception {
    failFirstTwoHits();

    JsonNode result = run("http", "aot-http");

    assertThat(result.get("outcome").asString()).isEqualTo("success");
    assertThat(result.get("serverHits").asInt()).isEqualTo(3);
  }

  @Test
  void theFallbackAnswersWhenTheDownstreamIsDown() throws Exception {
    app.send("PUT", "/downstream/behaviour", "{\"outage\":true}");

    JsonNode result = run("fallback", "aot-fallback");

    assertThat(result.get("outcome").asString()).isEqualTo("fallback");
    assertThat(result.get("serverHits").asInt()).isEqualTo(3);
    assertThat(result.at("/reply/outcome").asString()).isEqualTo("default");
  }

  @Test
  void theBreakerOpensAndTheActuatorShowsIt() throws Exception {
    app.send("PUT", "/downstream/behaviour", "{\"outage\":true}");

    run("breaker", "aot-breaker-1");
    JsonNode second = run("breaker", "aot-breaker-2");
    JsonNode report = JSON.readTree(app.get("/actuator/backon"));

    assertThat(second.at("/error/type").asString())
        .isEqualTo("io.backon.breaker.CircuitOpenException");
    assertThat(report.at("/circuitBreakers/downstream/state").asString()).isEqualTo("OPEN");
  }

  @Test
  void policySettingsAreBoundAtRunTimeNotFixedAtBuildTime() throws Exception {
    JsonNode report = JSON.readTree(app.get("/actuator/backon"));

    assertThat(report.at("/policies/downstream-retry/maxTries").asInt())
        .as("application.yml says 4")
        .isEqualTo(5);
  }

  private void failFirstTwoHits() throws Exception {
    app.send("PUT", "/downstream/behaviour", "{\"failFirst\":2}");
  }

  private JsonNode run(String scenario, String requestId) throws Exception {
    return JSON.readTree(app.get("/scenarios/" + scenario + "?requestId=" + requestId));
  }
}
