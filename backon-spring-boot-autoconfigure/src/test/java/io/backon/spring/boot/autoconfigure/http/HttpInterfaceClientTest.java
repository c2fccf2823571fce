package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.RetryEvent;
import io.backon.spring.boot.autoconfigure.BackonPolicyCustomizer;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.spring.boot.autoconfigure.metrics.BackonMetricsAutoConfiguration;
import io.backon.testing.ManualSleeper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;
import reactor.core.publisher.Mono;

/**
 * HTTP interface clients of an HTTP service group ({@code @ImportHttpServices}, base URL from
 * {@code spring.http.serviceclient.<group>.base-url}) run through Backon like any client built from
 * Spring Boot's builders, under the rules of the client named after their group ({@code
 * backon.http.clients.<group>}): on {@code RestClient} (blocking methods) and on {@code WebClient}
 * ({@code Mono} methods). One attempt is one request, {@code Retry-After} replaces the back-off, a
 * {@code POST} is sent again only with an idempotency key, the caller gets Spring's usual status
 * exception with the server's body, and the calls are counted under the group's policy.
 */
class HttpInterfaceClientTest {

  interface Quotes {
    @GetExchange("/quote")
    String quote();

    @PostExchange("/orders")
    String order(
        @RequestBody String order,
        @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key);
  }

  interface ReactiveQuotes {
    @GetExchange("/quote")
    Mono<String> quote();

    @PostExchange("/orders")
    Mono<String> order(
        @RequestBody String order,
        @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key);
  }

  @Configuration(proxyBeanMethods = false)
  @ImportHttpServices(group = "quotes", types = Quotes.class)
  @ImportHttpServices(
      group = "reactive-quotes",
      types = ReactiveQuotes.class,
      clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
  static class QuoteGroups {}

  /** The two kinds of HTTP service group, driven through one blocking view. */
  enum Group {
    REST_CLIENT("quotes", context -> context.getBean(Quotes.class)),
    WEB_CLIENT(
        "reactive-quotes",
        context -> {
          ReactiveQuotes quotes = context.getBean(ReactiveQuotes.class);
          return new Quotes() {
            @Override
            public String quote() {
              return quotes.quote().block(Duration.ofSeconds(30));
            }

            @Override
            public String order(String order, @Nullable String key) {
              return quotes.order(order, key).block(Duration.ofSeconds(30));
            }
          };
        });

    final String name;
    private final Function<ApplicationContext, Quotes> client;

    Group(String name, Function<ApplicationContext, Quotes> client) {
      this.name = name;
      this.client = client;
    }

    Quotes client(ApplicationContext context) {
      return client.apply(context);
    }
  }

  private final LoopbackServer server = LoopbackServer.start();
  private final ManualSleeper sleeper = new ManualSleeper();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<RetryEvent> backoffs = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private ApplicationContextRunner groups() {
    return HttpContexts.runner(sleeper)
        .withConfiguration(
            AutoConfigurations.of(
                BackonMetricsAutoConfiguration.class,
                HttpClientAutoConfiguration.class,
                ImperativeHttpClientAutoConfiguration.class,
                ReactiveHttpClientAutoConfiguration.class,
                HttpServiceClientPropertiesAutoConfiguration.class,
                HttpServiceClientAutoConfiguration.class,
                ReactiveHttpServiceClientAutoConfiguration.class))
        .withUserConfiguration(QuoteGroups.class)
        .withBean(MeterRegistry.class, () -> meters)
        .withBean(
            "recordingBackoffs",
            BackonPolicyCustomizer.class,
            () -> (name, builder) -> builder.onBackoff(backoffs::add))
        .withPropertyValues(
            "spring.http.serviceclient.quotes.base-url=" + server.uri(""),
            "spring.http.serviceclient.reactive-quotes.base-url=" + server.uri(""),
            "backon.policies.quotes-policy.max-tries=4",
            "backon.http.clients.quotes.policy=quotes-policy",
            "backon.http.clients.reactive-quotes.policy=quotes-policy");
  }

  @ParameterizedTest
  @EnumSource(Group.class)
  void aGroupsClientsFollowTheRulesOfTheClientNamedAfterTheGroup(Group group) {
    server.script("/quote", Answer.of(500), Answer.of(200));
    groups()
        .withPropertyValues("backon.http.clients." + group.name + ".retry-statuses=500")
        .run(
            context -> {
              assertThat(group.client(context).quote()).isEqualTo("status 200");
              assertThat(server.hits("/quote")).isEqualTo(2);
            });
  }

  @ParameterizedTest
  @EnumSource(Group.class)
  void eachAttemptOfTheGroupsPolicyIsOneRequestAndTheCallerGetsTheLastAnswer(Group group) {
    server.script(
        "/quote",
        new Answer(503, Map.of("Content-Type", "application/json"), "{\"error\":\"busy\"}"));
    groups()
        .run(
            context -> {
              assertThatThrownBy(() -> group.client(context).quote())
                  .satisfies(failure -> assertThat(statusOf(failure)).isEqualTo(503))
                  .satisfies(
                      failure -> assertThat(bodyOf(failure)).isEqualTo("{\"error\":\"busy\"}"));
              assertThat(server.hits("/quote")).isEqualTo(4);
            });
  }

  @ParameterizedTest
  @EnumSource(Group.class)
  void retryAfterReplacesTheBackOff(Group group) {
    server.script("/quote", Answer.retryAfter(503, "1"), Answer.of(200));
    groups()
        .run(
            context -> {
              assertThat(group.client(context).quote()).isEqualTo("status 200");
              assertThat(backoffs)
                  .singleElement()
                  .extracting(RetryEvent::waitDuration)
                  .isEqualTo(Duration.ofSeconds(1));
            });
  }

  @ParameterizedTest
  @EnumSource(Group.class)
  void aPostIsSentAgainOnlyWithAnIdempotencyKey(Group group) {
    server.script("/orders", Answer.of(503), Answer.of(201));
    groups()
        .run(
            context -> {
              Quotes quotes = group.client(context);

              assertThatThrownBy(() -> quotes.order("order-1", null))
                  .satisfies(failure -> assertThat(statusOf(failure)).isEqualTo(503));
              assertThat(server.hits("/orders")).isEqualTo(1);

              server.script("/orders", Answer.of(503), Answer.of(201));
              assertThat(quotes.order("order-2", "key-2")).isEqualTo("status 201");
              assertThat(server.hits("/orders")).isEqualTo(3);
            });
  }

  @ParameterizedTest
  @EnumSource(Group.class)
  void theCallsAreCountedUnderTheGroupsPolicy(Group group) {
    server.script("/quote", Answer.of(503), Answer.of(200));
    groups()
        .run(
            context -> {
              group.client(context).quote();

              assertThat(
                      meters
                          .get("backon.http.calls")
                          .tags("policy", "quotes-policy", "outcome", "success")
                          .tag("host", "127.0.0.1:" + server.port())
                          .timer()
                          .count())
                  .isOne();
              assertThat(
                      meters
                          .get("backon.calls")
                          .tags("name", "quotes-policy", "outcome", "success_with_retry")
                          .timer()
                          .count())
                  .isOne();
            });
  }

  private static int statusOf(Throwable failure) {
    if (failure instanceof RestClientResponseException rest) {
      return rest.getStatusCode().value();
    }
    if (failure instanceof WebClientResponseException web) {
      return web.getStatusCode().value();
    }
    throw new AssertionError("not Spring's status exception", failure);
  }

  private static String bodyOf(Throwable failure) {
    if (failure instanceof RestClientResponseException rest) {
      return rest.getResponseBodyAsString();
    }
    if (failure instanceof WebClientResponseException web) {
      return web.getResponseBodyAsString();
    }
    throw new AssertionError("not Spring's status exception", failure);
  }
}
