package io.backon.spring.boot.autoconfigure.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Function;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The clients every default is tested with, each built from Spring Boot's builder (so Backon's
 * customizers apply as in an application): {@code RestClient} on the JDK client and on Apache
 * HttpClient 5, and {@code WebClient} on Reactor Netty.
 */
enum ClientKind {
  REST_CLIENT_JDK(
      context ->
          restClient(
              context,
              new JdkClientHttpRequestFactory(
                  HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()),
              null)),
  REST_CLIENT_APACHE(
      context -> {
        PoolingHttpClientConnectionManager pool =
            PoolingHttpClientConnectionManagerBuilder.create().build();
        CloseableHttpClient apache =
            HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                // a leaked connection shows as a failed call within seconds, not a 3-minute wait
                .setDefaultRequestConfig(
                    RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.ofSeconds(5))
                        .build())
                .build();
        return restClient(context, new HttpComponentsClientHttpRequestFactory(apache), pool);
      }),
  WEB_CLIENT_NETTY(ClientKind::webClient);

  private final Function<ApplicationContext, TestHttpClient> factory;

  ClientKind(Function<ApplicationContext, TestHttpClient> factory) {
    this.factory = factory;
  }

  TestHttpClient open(ApplicationContext context) {
    return factory.apply(context);
  }

  /** The Apache connection pool behind a {@link #REST_CLIENT_APACHE} client. */
  interface Pooled {
    PoolingHttpClientConnectionManager pool();
  }

  private static TestHttpClient restClient(
      ApplicationContext context,
      org.springframework.http.client.ClientHttpRequestFactory factory,
      PoolingHttpClientConnectionManager pool) {
    RestClient client = context.getBean(RestClient.Builder.class).requestFactory(factory).build();
    final class Rest implements TestHttpClient, Pooled {
      @Override
      public Reply send(String method, java.net.URI uri, java.util.Map<String, String> headers) {
        try {
          var entity =
              client
                  .method(HttpMethod.valueOf(method))
                  .uri(uri)
                  .headers(h -> headers.forEach(h::add))
                  .retrieve()
                  .toEntity(String.class);
          return Reply.answer(entity.getStatusCode().value(), entity.getBody());
        } catch (RestClientResponseException status) {
          return Reply.answer(status.getStatusCode().value(), status.getResponseBodyAsString());
        } catch (RuntimeException failure) {
          return Reply.failed(failure);
        }
      }

      @Override
      public PoolingHttpClientConnectionManager pool() {
        return pool;
      }

      @Override
      public void close() {
        if (pool != null) {
          pool.close();
        }
      }
    }
    return new Rest();
  }

  private static TestHttpClient webClient(ApplicationContext context) {
    WebClient client =
        context
            .getBean(WebClient.Builder.class)
            .clientConnector(new ReactorClientHttpConnector())
            .build();
    return new TestHttpClient() {
      @Override
      public Reply send(String method, java.net.URI uri, java.util.Map<String, String> headers) {
        try {
          var entity =
              client
                  .method(HttpMethod.valueOf(method))
                  .uri(uri)
                  .headers(h -> headers.forEach(h::add))
                  .retrieve()
                  .toEntity(String.class)
                  .block(Duration.ofSeconds(30));
          return entity == null
              ? Reply.failed(new AssertionError("no entity"))
              : Reply.answer(entity.getStatusCode().value(), entity.getBody());
        } catch (WebClientResponseException status) {
          return Reply.answer(status.getStatusCode().value(), status.getResponseBodyAsString());
        } catch (RuntimeException failure) {
          return Reply.failed(failure);
        }
      }

      @Override
      public void close() {}
    };
  }
}
