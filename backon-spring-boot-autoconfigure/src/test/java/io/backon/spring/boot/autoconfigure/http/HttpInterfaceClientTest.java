package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.testing.ManualSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * HTTP interface clients of an HTTP service group run through Backon like any {@code RestClient},
 * under the rules of the client named after their group ({@code backon.http.clients.<group>}).
 */
class HttpInterfaceClientTest {

  interface Quotes {
    @GetExchange("/quote")
    String quote();
  }

  @Configuration(proxyBeanMethods = false)
  @ImportHttpServices(group = "quotes", types = Quotes.class)
  static class QuotesGroup {}

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void aGroupsClientsFollowTheRulesOfTheClientNamedAfterTheGroup() {
    server.script("/quote", Answer.of(500), Answer.of(200));
    HttpContexts.runner(new ManualSleeper())
        .withConfiguration(
            AutoConfigurations.of(
                ImperativeHttpClientAutoConfiguration.class,
                HttpServiceClientPropertiesAutoConfiguration.class,
                HttpServiceClientAutoConfiguration.class))
        .withUserConfiguration(QuotesGroup.class)
        .withPropertyValues(
            "spring.http.serviceclient.quotes.base-url=" + server.uri(""),
            "backon.http.clients.quotes.retry-statuses=500")
        .run(
            context -> {
              assertThat(context.getBean(Quotes.class).quote()).isEqualTo("status 200");
              assertThat(server.hits("/quote")).isEqualTo(2);
            });
  }
}
