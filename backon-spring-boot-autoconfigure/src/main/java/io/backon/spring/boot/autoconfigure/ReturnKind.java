package io.backon.spring.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/** How a {@code @Backon} method returns its result, which decides the engine face it runs on. */
enum ReturnKind {

  /** A plain value or {@code void}: the blocking engine on the caller's thread. */
  BLOCKING,
  /**
   * {@code CompletionStage} or {@code CompletableFuture}: the async engine; failed futures are
   * retried.
   */
  FUTURE,
  /** Reactor {@code Mono}: each attempt re-subscribes. */
  MONO,
  /** Reactor {@code Flux}: each attempt re-subscribes (never hedged). */
  FLUX;

  /**
   * The Reactor type whose presence is checked by name (a native image answers only for registered
   * names: {@link BackonRuntimeHints} registers it).
   */
  static final String REACTOR_MONO = "reactor.core.publisher.Mono";

  /** The Reactive Streams type loaded by name when Reactor is present (registered likewise). */
  static final String REACTIVE_STREAMS_PUBLISHER = "org.reactivestreams.Publisher";

  private static final boolean REACTOR_PRESENT =
      ClassUtils.isPresent(REACTOR_MONO, ReturnKind.class.getClassLoader());
  private static final @Nullable Class<?> PUBLISHER =
      REACTOR_PRESENT
          ? ClassUtils.resolveClassName(
              REACTIVE_STREAMS_PUBLISHER, ReturnKind.class.getClassLoader())
          : null;

  static ReturnKind of(Method method, String subject) {
    Class<?> type = method.getReturnType();
    if (type == CompletionStage.class || type == CompletableFuture.class) {
      return FUTURE;
    }
    if (CompletionStage.class.isAssignableFrom(type)) {
      throw new BackonConfigurationException(
          ConfigErrorCode.UNSUPPORTED_RETURN_TYPE,
          subject,
          "the return type "
              + type.getName()
              + " is a CompletionStage subtype Backon cannot create.",
          "declare the method to return CompletionStage or CompletableFuture.");
    }
    if (Future.class.isAssignableFrom(type)) {
      throw completesLater(subject, type, "CompletionStage or CompletableFuture");
    }
    if (REACTOR_PRESENT) {
      if (type.getName().equals(REACTOR_MONO)) {
        return MONO;
      }
      if (type.getName().equals("reactor.core.publisher.Flux")) {
        return FLUX;
      }
    }
    if (PUBLISHER != null && PUBLISHER.isAssignableFrom(type)) {
      throw completesLater(subject, type, "Mono or Flux");
    }
    return BLOCKING;
  }

  /**
   * A result whose failure arrives after the method returned, through a type Backon does not retry.
   */
  private static BackonConfigurationException completesLater(
      String subject, Class<?> type, String supported) {
    return new BackonConfigurationException(
        ConfigErrorCode.UNSUPPORTED_RETURN_TYPE,
        subject,
        "the return type "
            + type.getName()
            + " completes after the method returned, and Backon cannot see"
            + " its failure, so only exceptions thrown before it returns would be retried.",
        "declare the method to return " + supported + ".");
  }
}
