package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Retrying;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is optional: outside {@code io.backon.micrometer} no core class refers to it, and the
 * engine runs from a class loader that cannot see Micrometer at all.
 */
class CoreWithoutMicrometerTest {

  private static final List<String> MICROMETER_PACKAGES =
      List.of("io/micrometer/core", "io/micrometer/observation", "io/micrometer/common");

  private static Path coreClasses() throws Exception {
    URL location = Retrying.class.getProtectionDomain().getCodeSource().getLocation();
    return Paths.get(location.toURI());
  }

  @Test
  void noClassOutsideTheMicrometerPackageRefersToMicrometer() throws Exception {
    Path classes = coreClasses();
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(classes)) {
      offenders =
          files
              .filter(file -> file.toString().endsWith(".class"))
              .filter(
                  file ->
                      !classes
                          .relativize(file)
                          .toString()
                          .replace('\\', '/')
                          .startsWith("io/backon/micrometer/"))
              .filter(CoreWithoutMicrometerTest::refersToMicrometer)
              .toList();
    }
    assertThat(offenders).isEmpty();
    assertThat(refersToMicrometer(classes.resolve("io/backon/micrometer/BackonMicrometer.class")))
        .as("the scan recognises a reference")
        .isTrue();
  }

  private static boolean refersToMicrometer(Path classFile) {
    try {
      String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      return MICROMETER_PACKAGES.stream().anyMatch(constants::contains);
    } catch (IOException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theEngineRunsWithoutMicrometerOnTheClassPath() throws Exception {
    try (URLClassLoader isolated =
        new URLClassLoader(
            new URL[] {coreClasses().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(
              () -> Class.forName("io.micrometer.core.instrument.MeterRegistry", true, isolated))
          .isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> Class.forName(BackonMicrometer.class.getName(), true, isolated))
          .isInstanceOf(NoClassDefFoundError.class);

      Class<?> policyType = isolated.loadClass("io.backon.RetryPolicy");
      Object builder = policyType.getMethod("builder").invoke(null);
      Class<?> builderType = builder.getClass();
      builderType
          .getMethod("wait", isolated.loadClass("io.backon.wait.Wait"))
          .invoke(
              builder, isolated.loadClass("io.backon.wait.Wait").getMethod("none").invoke(null));
      Object breaker =
          isolated
              .loadClass("io.backon.breaker.CircuitBreaker")
              .getMethod("ofDefaults", String.class)
              .invoke(null, "isolated");
      builderType.getMethod("circuitBreaker", breaker.getClass()).invoke(builder, breaker);
      Object policy = builderType.getMethod("build").invoke(builder);
      Class<?> retryingType = isolated.loadClass("io.backon.Retrying");
      Object retrying = retryingType.getMethod("of", policyType).invoke(null, policy);

      AtomicInteger calls = new AtomicInteger();
      Callable<String> flaky =
          () -> {
            if (calls.incrementAndGet() == 1) {
              throw new IOException("down");
            }
            return "ok";
          };
      assertThat(retryingType.getMethod("call", Callable.class).invoke(retrying, flaky))
          .isEqualTo("ok");
      Supplier<CompletionStage<String>> async = () -> CompletableFuture.completedFuture("async");
      CompletableFuture<String> result =
          (CompletableFuture<String>)
              retryingType.getMethod("callAsync", Supplier.class).invoke(retrying, async);
      assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("async");
    }
  }
}
