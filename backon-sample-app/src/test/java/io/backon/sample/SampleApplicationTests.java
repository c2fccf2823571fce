package io.backon.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

  @LocalServerPort int port;

  RestClient http;

  @BeforeEach
  void connectToTheRunningServer() {
    http = RestClient.create("http://localhost:" + port);
  }

  @Test
  void helloAnswersWithAJsonGreeting() {
    ResponseEntity<String> response = http.get().uri("/hello").retrieve().toEntity(String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType())
        .isNotNull()
        .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
    assertThat(response.getBody()).isEqualTo("{\"message\":\"Hello from Backon\"}");
  }

  @Test
  void actuatorHealthIsUp() {
    String body = http.get().uri("/actuator/health").retrieve().body(String.class);

    assertThat(body).contains("\"status\":\"UP\"");
  }
}
