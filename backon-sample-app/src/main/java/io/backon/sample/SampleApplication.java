package io.backon.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Backon sample application.
 *
 * <p>Listens on port 8080 (see {@code application.properties}); try
 * {@code curl http://localhost:8080/hello} and {@code curl http://localhost:8080/actuator/health}.
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
