package io.backon.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Backon sample application: {@code @Backon} scenarios against an embedded flaky downstream.
 *
 * <p>Listens on port 8080, the downstream on 8081 (see {@code application.yml}); try {@code curl
 * http://localhost:8080/scenarios}, {@code curl http://localhost:8080/scenarios/retry} and {@code
 * curl http://localhost:8080/actuator/backon}.
 */
@SpringBootApplication
public class SampleApplication {

  /**
   * Starts the application.
   *
   * @param args command-line arguments, passed to Spring Boot
   */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
