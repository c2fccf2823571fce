package io.backon.spring.boot.autoconfigure.metrics;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * Tells Micrometer Tracing's observation handlers that trace nothing: those of the no-op {@link
 * Tracer#NOOP}, which Spring Boot configures when Micrometer Tracing is on the class path without a
 * tracing bridge. They make no span and put no trace id in the logs, so they consume no
 * observation. Works without Micrometer Tracing on the class path. Stateless and thread-safe.
 */
final class NoopTracingHandlers {

  /** The type whose presence says Micrometer Tracing is there, looked up by name. */
  static final String TRACING_HANDLER = "io.micrometer.tracing.handler.TracingObservationHandler";

  private static final boolean TRACING_PRESENT =
      ClassUtils.isPresent(TRACING_HANDLER, NoopTracingHandlers.class.getClassLoader());

  private NoopTracingHandlers() {}

  /** Whether {@code handler} is a tracing handler whose tracer is {@link Tracer#NOOP}. */
  static boolean isNoop(ObservationHandler<?> handler) {
    return TRACING_PRESENT && Tracing.isNoop(handler);
  }

  /**
   * {@link #TRACING_HANDLER} in native images, where {@code Class.forName} finds only registered
   * names: without it Spring Boot's no-op tracing handlers would count as consumers there. Imported
   * by {@link BackonMetricsAutoConfiguration}.
   */
  static final class Hints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
      hints.reflection().registerTypeIfPresent(classLoader, TRACING_HANDLER);
    }
  }

  /** Loaded only when Micrometer Tracing is on the class path. */
  private static final class Tracing {

    private Tracing() {}

    static boolean isNoop(ObservationHandler<?> handler) {
      return handler instanceof TracingObservationHandler<?> tracing
          && tracing.getTracer() == Tracer.NOOP;
    }
  }
}
