package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Backon;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.reactivestreams.Publisher;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import reactor.core.publisher.Mono;

/** The hints every native image with the starter gets, whatever its beans. */
class BackonRuntimeHintsTest {

  private final RuntimeHints hints = new RuntimeHints();

  BackonRuntimeHintsTest() {
    new BackonRuntimeHints().registerHints(hints, getClass().getClassLoader());
  }

  @Test
  void theVirtualThreadFactoryBackonCoreLooksUpIsRegisteredForInvocation() {
    TypeHint executors = hints.reflection().getTypeHint(Executors.class);

    assertThat(executors).isNotNull();
    assertThat(executors.methods())
        .singleElement()
        .satisfies(
            method -> {
              assertThat(method.getName()).isEqualTo("newVirtualThreadPerTaskExecutor");
              assertThat(method.getParameterTypes()).isEmpty();
              assertThat(method.getMode()).isEqualTo(ExecutableMode.INVOKE);
            });
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "the factory exists on JDK 21+")
  void theRegisteredFactoryIsTheJdksOwn() {
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onMethodInvocation(Executors.class, BackonRuntimeHints.VIRTUAL_THREAD_FACTORY))
        .accepts(hints);
  }

  @Test
  void aSynthesizedBackonAnnotationCanBeProxied() {
    assertThat(RuntimeHintsPredicates.proxies().forInterfaces(Backon.class)).accepts(hints);
  }

  @Test
  void theReactorTypesReturnKindLooksUpByNameCanBeFoundInAnImage() {
    // Unregistered, Class.forName fails in a native image: Mono methods would run as blocking ones.
    for (String name : List.of(ReturnKind.REACTOR_MONO, ReturnKind.REACTIVE_STREAMS_PUBLISHER)) {
      assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(name)))
          .as(name)
          .accepts(hints);
    }
    assertThat(ReturnKind.REACTOR_MONO).isEqualTo(Mono.class.getName());
    assertThat(ReturnKind.REACTIVE_STREAMS_PUBLISHER).isEqualTo(Publisher.class.getName());
  }
}
