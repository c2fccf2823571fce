package io.backon.spring.boot.autoconfigure;

import io.backon.Backon;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Beans for the AOT tests: a class with {@code @Backon} methods, one without, and an interface
 * bean.
 */
final class AotFixtures {

  /** Backon's policy, breaker and exception lists for these beans, as a yml would set them. */
  static final String[] PROPERTIES = {
    "backon.policies.quotes.retry-on=java.util.concurrent.TimeoutException",
    "backon.policies.quotes.abort-on[0]=java.lang.IllegalStateException",
    "backon.policies.quotes.abort-on[1]=io.backon.spring.boot.autoconfigure.AotFixtures.QuoteExpired",
    "backon.policies.quotes.circuit-breaker=quotes",
    "backon.circuit-breakers.quotes.record-on=java.net.ConnectException, java.net.SocketTimeoutException",
    "backon.circuit-breaker-defaults.ignore-on=java.io.FileNotFoundException",
  };

  private AotFixtures() {}

  /** A nested exception class, named in {@link #PROPERTIES} with a dot ({@code Outer.Inner}). */
  static final class QuoteExpired extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** What {@link Quotes#quote} returns; a {@code retry-if} may read its properties. */
  record Quote(String symbol, long cents) {}

  /** What {@link Quotes#price} and {@link Prices#latest} complete with. */
  record Price(long cents) {}

  /**
   * Where {@link Quotes} inherits its fallback from (a base class Spring's proxy hints do not
   * cover).
   */
  abstract static class CachedQuotes {

    Quote cached(String symbol, Throwable failure) {
      return new Quote(symbol, 0);
    }
  }

  /**
   * A class-based bean with {@code @Backon} methods: a blocking one with a fallback, and a future.
   */
  static class Quotes extends CachedQuotes {

    @Backon(
        value = "quotes",
        fallback = "cached",
        retryOn = IOException.class,
        abortOn = EOFException.class)
    public Quote quote(String symbol) throws IOException {
      return new Quote(symbol, 100);
    }

    @Backon("quotes")
    public CompletableFuture<Price> price(String symbol) {
      return CompletableFuture.completedFuture(new Price(100));
    }
  }

  /**
   * A class-level {@code @Backon} whose fallback answers every method, blocking and reactive (the
   * reactive one is applied by the caller of the policy, reflectively too).
   */
  @Backon(value = "quotes", fallback = "offline")
  static class Catalog {

    public Quote item(String symbol) {
      return new Quote(symbol, 1);
    }

    public Mono<Price> price(String symbol) {
      return Mono.just(new Price(1));
    }

    Quote offline(String symbol) {
      return new Quote(symbol, 0);
    }

    Mono<Price> offline(String symbol, Throwable failure) {
      return Mono.just(new Price(0));
    }
  }

  /** A bean without {@code @Backon}. */
  static class Plain {

    public String hello() {
      return "hello";
    }
  }

  /** An interface bean (like an HTTP interface client) with a {@code @Backon} method. */
  interface Prices {

    @Backon("quotes")
    Mono<Price> latest(String symbol);
  }

  @Configuration(proxyBeanMethods = false)
  static class Beans {

    @Bean
    Quotes quotes() {
      return new Quotes();
    }

    @Bean
    Catalog catalog() {
      return new Catalog();
    }

    @Bean
    Plain plain() {
      return new Plain();
    }

    @Bean
    Prices prices() {
      return (Prices)
          Proxy.newProxyInstance(
              Prices.class.getClassLoader(),
              new Class<?>[] {Prices.class},
              (proxy, method, args) ->
                  method.getName().equals("latest")
                      ? Mono.just(new Price(1))
                      : method.invoke(this, args));
    }
  }
}
