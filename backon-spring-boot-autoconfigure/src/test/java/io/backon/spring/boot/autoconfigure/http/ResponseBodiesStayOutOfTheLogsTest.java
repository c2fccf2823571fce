package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;
import reactor.core.publisher.Mono;

/**
 * The field application's logs (Logback, Backon's loggers at DEBUG so that back-off lines show too)
 * never show a response body, whatever failed: an HTTP interface call on {@code RestClient} or
 * {@code WebClient} giving up on {@code 503}s, or a {@code @Backon} method around one giving up on
 * the {@code HttpServerErrorException} or {@code HttpClientErrorException} Spring raises, whose
 * message carries the body. The caller still gets Spring's exception with the body intact.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResponseBodiesStayOutOfTheLogsTest {

  private static final String BODY = "{\"error\":\"card declined\",\"token\":\"tok_4242\"}";

  interface Payments {
    @GetExchange("/charge")
    String charge();
  }

  interface ReactivePayments {
    @GetExchange("/charge")
    Mono<String> charge();
  }

  /** The user's service: a resilient method around the HTTP interface client. */
  static class Checkout {

    private final Payments payments;

    Checkout(Payments payments) {
      this.payments = payments;
    }

    @Backon(maxTries = 2)
    public String pay() {
      return payments.charge();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ImportHttpServices(group = "payments", types = Payments.class)
  @ImportHttpServices(
      group = "reactive-payments",
      types = ReactivePayments.class,
      clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
  static class PaymentGroups {

    @Bean
    Checkout checkout(Payments payments) {
      return new Checkout(payments);
    }
  }

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  /**
   * Leaves Backon's loggers as it found them: Logback's and java.util.logging's levels outlive it.
   */
  @AfterEach
  void backonLoggersBackAtTheirInheritedLevel() {
    LoggingSystem.get(getClass().getClassLoader()).setLogLevel("io.backon", null);
    java.util.logging.Logger.getLogger("io.backon").setLevel(null);
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(FieldApp.class, PaymentGroups.class)
        .web(WebApplicationType.NONE)
        .properties(FieldApp.CONFIG)
        .run(
            "--logging.level.io.backon=DEBUG",
            "--spring.http.serviceclient.payments.base-url=" + server.uri(""),
            "--spring.http.serviceclient.reactive-payments.base-url=" + server.uri(""),
            "--backon.http.clients.payments.host-circuit-breaker=false",
            "--backon.http.clients.reactive-payments.host-circuit-breaker=false");
  }

  private static Answer failing(int status) {
    return new Answer(status, Map.of("Content-Type", "application/json"), BODY);
  }

  @Test
  void noFailedAnswersBodyReachesTheLogsButEachReachesItsCaller(CapturedOutput output) {
    try (ConfigurableApplicationContext context = start()) {
      server.script("/charge", failing(503));
      assertThatThrownBy(() -> context.getBean(Payments.class).charge())
          .isInstanceOfSatisfying(
              HttpServerErrorException.class,
              e -> assertThat(e.getResponseBodyAsString()).isEqualTo(BODY));
      assertThatThrownBy(
              () -> context.getBean(ReactivePayments.class).charge().block(Duration.ofSeconds(30)))
          .isInstanceOfSatisfying(
              WebClientResponseException.class,
              e -> assertThat(e.getResponseBodyAsString()).isEqualTo(BODY));
      assertThatThrownBy(() -> context.getBean(Checkout.class).pay())
          .isInstanceOfSatisfying(
              HttpServerErrorException.class,
              e -> assertThat(e.getResponseBodyAsString()).isEqualTo(BODY));

      server.script("/charge", failing(402));
      assertThatThrownBy(() -> context.getBean(Checkout.class).pay())
          .isInstanceOfSatisfying(
              HttpClientErrorException.class,
              e -> assertThat(e.getResponseBodyAsString()).isEqualTo(BODY));
    }

    assertThat(output.getOut())
        .contains("Retrying ", "Giving up on GET 127.0.0.1:", "Giving up on Checkout.pay()")
        .contains("HttpServerErrorException", "HttpClientErrorException")
        .doesNotContain("card declined", "tok_4242");
  }
}
