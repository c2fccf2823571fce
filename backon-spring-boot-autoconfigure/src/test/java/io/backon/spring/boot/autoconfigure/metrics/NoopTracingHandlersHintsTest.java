package io.backon.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.handler.TracingObservationHandler;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * {@link NoopTracingHandlers} looks Micrometer Tracing up by name, and {@code Class.forName} finds
 * only registered names in a native image: unregistered, Spring Boot's no-op tracing handlers would
 * count as consumers there, and {@code backon.observations.enabled=auto} would observe every call.
 */
class NoopTracingHandlersHintsTest {

  @Test
  void theTracingHandlerTypeLookedUpByNameCanBeFoundInANativeImage() {
    ImportRuntimeHints imported =
        BackonMetricsAutoConfiguration.class.getAnnotation(ImportRuntimeHints.class);
    RuntimeHints hints = new RuntimeHints();

    assertThat(imported).isNotNull();
    for (Class<? extends RuntimeHintsRegistrar> registrar : imported.value()) {
      BeanUtils.instantiateClass(registrar).registerHints(hints, getClass().getClassLoader());
    }

    assertThat(RuntimeHintsPredicates.reflection().onType(TracingObservationHandler.class))
        .accepts(hints);
  }
}
