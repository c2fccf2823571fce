package io.backon.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.breaker.CircuitState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.ClassUtils;

/**
 * With Spring Security present nothing of the endpoint bypasses it, not even with the write
 * granted: Boot's default security answers 401 to every unauthenticated request. Runs in the
 * surefire execution {@code behind-spring-security}, the only one with Spring Security on the class
 * path (the other tests of this module run without it).
 */
@EnabledIf(
    value = "springSecurityIsPresent",
    disabledReason =
        "Spring Security is only on the class path of the behind-spring-security execution")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = EndpointBehindSpringSecurityTest.App.class,
    properties = {
      "management.endpoints.web.exposure.include=health,backon",
      "management.endpoint.backon.access=unrestricted",
      "spring.security.user.name=operator",
      "spring.security.user.password=s3cret",
      "backon.policies.payments.circuit-breaker=payments-api",
      "backon.budgets.payments-api.max-tokens=20",
      "backon.circuit-breakers.payments-api.failure-threshold=2",
      "backon.dashboard.enabled=true"
    })
class EndpointBehindSpringSecurityTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired CircuitBreakerRegistry breakers;

  static boolean springSecurityIsPresent() {
    return ClassUtils.isPresent("org.springframework.security.web.SecurityFilterChain", null);
  }

  @Test
  void everyReadOfTheEndpointNeedsAuthentication() throws Exception {
    for (String path :
        new String[] {
          "/actuator/backon",
          "/actuator/backon/policies/payments",
          "/actuator/backon/circuit-breakers/payments-api",
          "/actuator/backon/budgets/payments-api",
          "/actuator/backon/policies/nope",
          "/actuator/backon/events",
          "/actuator/backon/events?name=payments&kind=retry&since=0",
          "/actuator/backon/dashboard",
          "/actuator/backon/dashboard/dashboard.js",
          "/actuator/backon/dashboard/dashboard.css"
        }) {
      assertThat(send(get(path)).statusCode()).as(path).isEqualTo(401);
    }
  }

  @Test
  void aBrowserOpeningTheDashboardUnauthenticatedIsSentToLogIn() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/backon/dashboard"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    assertThat(response.body()).doesNotContain("dashboard.js");
  }

  @Test
  void anAuthenticatedOperatorGetsTheDashboardAndTheEvents() throws Exception {
    HttpResponse<String> page =
        send(
            get("/actuator/backon/dashboard").header("Authorization", basic("operator", "s3cret")));
    HttpResponse<String> events =
        send(get("/actuator/backon/events").header("Authorization", basic("operator", "s3cret")));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("dashboard/dashboard.js");
    assertThat(events.statusCode()).isEqualTo(200);
    assertThat(events.body()).contains("\"capacity\":100");
  }

  @Test
  void anUnauthenticatedPostIsRefusedAndTheBreakerStaysClosed() throws Exception {
    HttpResponse<String> response = send(post("/actuator/backon/circuit-breakers/payments-api"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(breakers.find("payments-api").orElseThrow().state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void anAuthenticatedReadIsAnswered() throws Exception {
    HttpResponse<String> response =
        send(
            get("/actuator/backon/policies/payments")
                .header("Authorization", basic("operator", "s3cret")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"circuitBreaker\":\"payments-api\"");
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
  }

  private HttpRequest.Builder post(String path) {
    return get(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"open\"}"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
