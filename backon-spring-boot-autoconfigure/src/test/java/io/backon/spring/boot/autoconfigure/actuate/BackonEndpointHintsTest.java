package io.backon.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

/**
 * What Spring AOT registers for {@code /actuator/backon} from the endpoint's beans, as it does for
 * every bean: the answers Jackson serializes by reflection in a native image, including those the
 * operations declare as {@code Object} (their type cannot be inferred from the signature).
 */
class BackonEndpointHintsTest {

  private final RuntimeHints hints = new RuntimeHints();

  BackonEndpointHintsTest() {
    new ReflectiveRuntimeHintsRegistrar()
        .registerRuntimeHints(hints, BackonEndpoint.class, BackonWebEndpointExtension.class);
  }

  @Test
  void everyAnswerOfTheOperationsCanBeSerializedInAnImage() {
    for (Class<?> answer :
        List.of(
            BackonReport.class,
            EventsDescriptor.class,
            PolicyDescriptor.class,
            CircuitBreakerDescriptor.class,
            BudgetDescriptor.class)) {
      assertThat(RuntimeHintsPredicates.reflection().onType(answer))
          .as(answer.getSimpleName())
          .accepts(hints);
    }
  }

  @Test
  void theEventsAnswerIsReadThroughItsAccessors() {
    for (String accessor : List.of("capacity", "latest", "events")) {
      assertThat(
              RuntimeHintsPredicates.reflection()
                  .onMethodInvocation(EventsDescriptor.class, accessor))
          .as(accessor)
          .accepts(hints);
    }
  }
}
