package io.backon.spring.boot.autoconfigure;

import io.backon.Backon;
import java.util.List;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The runtime hints Backon needs in every native image that uses the starter, whatever its beans:
 * {@code Executors.newVirtualThreadPerTaskExecutor()}, which backon-core looks up by method handle
 * (it compiles for Java 17), so blocking attempts keep running on virtual threads; and the JDK
 * proxy of a synthesized {@code @Backon} (a composed annotation that aliases its attributes); and,
 * when Reactor is present, the Reactor types {@link ReturnKind} looks up by name ({@code
 * Class.forName} finds only registered names in a native image: without them a {@code Mono} method
 * would run as a blocking one, never retried). backon-core's own reachability metadata says the
 * same of the virtual threads for plain-Java images. Imported by {@link BackonAutoConfiguration}.
 */
final class BackonRuntimeHints implements RuntimeHintsRegistrar {

  /**
   * The JDK 21+ factory of the virtual-thread executor (absent on JDK 17, so named, not linked).
   */
  static final String VIRTUAL_THREAD_FACTORY = "newVirtualThreadPerTaskExecutor";

  /** Instantiated by {@code @ImportRuntimeHints}. */
  BackonRuntimeHints() {}

  @Override
  public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
    hints
        .reflection()
        .registerType(
            Executors.class,
            type -> type.withMethod(VIRTUAL_THREAD_FACTORY, List.of(), ExecutableMode.INVOKE));
    hints.proxies().registerJdkProxy(Backon.class);
    hints.reflection().registerTypeIfPresent(classLoader, ReturnKind.REACTOR_MONO);
    hints.reflection().registerTypeIfPresent(classLoader, ReturnKind.REACTIVE_STREAMS_PUBLISHER);
  }
}
