package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.DeadlineExceededException;
import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Backon's exceptions that reach Spring MVC uncaught answer as RFC 9457 problem details over real
 * HTTP: an open breaker 503 with {@code Retry-After} (its remaining open time, rounded up), a
 * passed deadline 504; the application's own {@code @ExceptionHandler}s win.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = ProblemDetailsHttpTest.App.class)
class ProblemDetailsHttpTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({Failing.class, OwnHandler.class, Advised.class, OwnAdvice.class})
  static class App {}

  @RestController
  static class Failing {

    @GetMapping("/open")
    String open() {
      throw new CircuitOpenException(
          "api.example.com:443", CircuitState.OPEN, Duration.ofMillis(2500));
    }

    @GetMapping("/forced")
    String forced() {
      throw new CircuitOpenException(
          "api.example.com:443", CircuitState.FORCED_OPEN, Duration.ZERO);
    }

    @GetMapping("/late")
    String late() {
      throw new DeadlineExceededException(
          "GET api.example.com:443", Duration.ofSeconds(2), 3, null);
    }
  }

  @RestController
  static class OwnHandler {

    @GetMapping("/own")
    String own() {
      throw new CircuitOpenException(
          "api.example.com:443", CircuitState.OPEN, Duration.ofSeconds(5));
    }

    @ExceptionHandler(CircuitOpenException.class)
    ResponseEntity<String> busy(CircuitOpenException e) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body("own handler");
    }
  }

  @RestController
  static class Advised {

    @GetMapping("/advised")
    String advised() {
      throw new DeadlineExceededException(
          "GET api.example.com:443", Duration.ofSeconds(2), 1, null);
    }
  }

  @RestControllerAdvice(assignableTypes = Advised.class)
  static class OwnAdvice {

    @ExceptionHandler(DeadlineExceededException.class)
    ResponseEntity<String> late(DeadlineExceededException e) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("own advice");
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anOpenBreakerAnswers503WithItsRemainingOpenTimeAsRetryAfter() throws Exception {
    HttpResponse<String> response = get("/open");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("3");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.body())
        .contains("\"status\":503")
        .contains("\"title\":\"Service Unavailable\"")
        .doesNotContain("api.example.com");
  }

  @Test
  void aForcedOpenBreakerHasNoEndToAnnounce() throws Exception {
    HttpResponse<String> response = get("/forced");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void aPassedDeadlineAnswers504() throws Exception {
    HttpResponse<String> response = get("/late");

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.body())
        .contains("\"status\":504")
        .contains("\"title\":\"Gateway Timeout\"");
  }

  @Test
  void theApplicationsOwnHandlersWin() throws Exception {
    HttpResponse<String> own = get("/own");
    HttpResponse<String> advised = get("/advised");

    assertThat(own.statusCode()).isEqualTo(429);
    assertThat(own.body()).isEqualTo("own handler");
    assertThat(advised.statusCode()).isEqualTo(503);
    assertThat(advised.body()).isEqualTo("own advice");
  }
}
