package io.backon.spring.boot.autoconfigure.http;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The runtime hints of Backon's HTTP layer in a native image: when WebFlux is present, {@code
 * WebClientResponseException}, whose presence {@link HttpRetryAfterCustomizer} checks by name
 * ({@code Class.forName} finds only registered names in a native image: without it the {@code
 * Retry-After} of a {@code WebClient} answer would never set an enclosing policy's wait). Imported
 * by {@link BackonHttpAutoConfiguration}.
 */
final class BackonHttpRuntimeHints implements RuntimeHintsRegistrar {

  /** Instantiated by {@code @ImportRuntimeHints}. */
  BackonHttpRuntimeHints() {}

  @Override
  public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
    hints
        .reflection()
        .registerTypeIfPresent(classLoader, HttpRetryAfterCustomizer.WEB_CLIENT_RESPONSE_EXCEPTION);
  }
}
