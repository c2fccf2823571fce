package io.backon.spring.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.springframework.util.ClassUtils;

/** How a {@code @Backon} method returns its result, which decides the engine face it runs on. */
enum ReturnKind {

  /** A plain value or {@code void}: the blocking engine on the caller's thread. */
  BLOCKING,
  /** {@code CompletionStage} or {@code CompletableFuture}: the async engine; failed futures are retried. */
  FUTURE,
  /** Reactor {@code Mono}: each attempt re-subscribes. */
  MONO,
  /** Reactor {@code Flux}: each attempt re-subscribes (never hedged). */
  FLUX;

  private static final boolean REACTOR_PRESENT =
      ClassUtils.isPresent("reactor.core.publisher.Mono", ReturnKind.class.getClassLoader());

  static ReturnKind of(Method method, String subject) {
    Class<?> type = method.getReturnType();
    if (type == CompletionStage.class || type == CompletableFuture.class) {
      return FUTURE;
    }
    if (CompletionStage.class.isAssignableFrom(type)) {
      throw new BackonConfigurationException(ConfigErrorCode.UNSUPPORTED_RETURN_TYPE, subject,
          "the return type " + type.getName() + " is a CompletionStage subtype Backon cannot create.",
          "declare the method to return CompletionStage or CompletableFuture.");
    }
    if (REACTOR_PRESENT) {
      if (type.getName().equals("reactor.core.publisher.Mono")) {
        return MONO;
      }
      if (type.getName().equals("reactor.core.publisher.Flux")) {
        return FLUX;
      }
    }
    return BLOCKING;
  }
}
