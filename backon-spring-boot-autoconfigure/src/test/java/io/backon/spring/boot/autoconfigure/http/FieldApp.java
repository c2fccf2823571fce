package io.backon.spring.boot.autoconfigure.http;

import io.backon.RetryEvent;
import io.backon.spring.boot.autoconfigure.BackonPolicyCustomizer;
import io.backon.testing.ManualSleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The user's application of the field acceptance tests: nothing but Spring Boot's
 * auto-configuration (Spring MVC on Tomcat, Actuator, Prometheus, Boot's observations, Apache
 * HttpClient 5 under {@code RestClient} and {@code RestTemplate}) and the policies of {@code
 * field-app.yml}, plus one {@link BackonPolicyCustomizer} of the user's that listens to every
 * policy. Its sleepers record the waits instead of sleeping them, so a {@code Retry-After} is
 * measured, not slept.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class FieldApp {

  /** The properties every field test starts the app with. */
  static final String CONFIG = "spring.config.name=field-app";

  @Bean
  Recorder recorder() {
    return new Recorder();
  }

  @Bean
  BackonPolicyCustomizer listeningToEveryPolicy(Recorder recorder) {
    return (name, builder) ->
        builder
            .sleeper(recorder.sleeper(name))
            .onBackoff(recorder.events::add)
            .onGiveUp(recorder.events::add);
  }

  /** What the user's listeners saw, and the waits each policy asked for. Thread-safe. */
  static final class Recorder {

    final List<RetryEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, ManualSleeper> sleepers = new ConcurrentHashMap<>();

    ManualSleeper sleeper(String policy) {
      return sleepers.computeIfAbsent(policy, name -> new ManualSleeper());
    }

    /** The events of the calls to {@code target}, e.g. {@code GET 127.0.0.1:4242}. */
    List<RetryEvent> eventsOf(String target) {
      return events.stream().filter(e -> e.targetName().equals(target)).toList();
    }
  }

  /** A plain JDK client for the app's own endpoints (never through Backon). */
  static final class Actuator {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    Actuator(int port) {
      this.port = port;
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String json) {
      return send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
