package io.backon.spring.boot.autoconfigure.http;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;

/**
 * Turns off Apache HttpClient 5's own retries in the request factories Spring Boot builds for
 * {@code RestClient} and {@code RestTemplate}: by default it resends a request on {@code 429} and
 * {@code 503} (after a second) and on some I/O failures, so every Backon attempt would be two
 * requests. With it off, Backon is the one owner of retrying: one attempt is one request. A request
 * factory the application builds itself is left alone. Stateless.
 */
final class HttpComponentsRetriesOff
    implements ClientHttpRequestFactoryBuilderCustomizer<
        HttpComponentsClientHttpRequestFactoryBuilder> {

  @Override
  public HttpComponentsClientHttpRequestFactoryBuilder customize(
      HttpComponentsClientHttpRequestFactoryBuilder builder) {
    return builder.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries);
  }
}
