package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The IDE offers the values a user may write for every enum-typed and exception-list key the
 * metadata lists. Spring Boot's metadata format cannot describe keys inside a named map entry, such
 * as {@code backon.policies.<name>.wait}; there the IDE infers values from the Java types, so the
 * settings with a closed set of values are enums and the exception lists are lists of {@code
 * Throwable} classes.
 */
class ConfigurationHintsTest {

  /** The type of every exception list, as Java and the generated metadata spell it. */
  private static final String THROWABLE_CLASSES =
      "java.util.List<java.lang.Class<? extends java.lang.Throwable>>";

  private static final String EXCEPTION_LIST = ".*\\.(retry-on|abort-on|record-on|ignore-on)";

  @Test
  void everyExceptionListIsTypedAsThrowableClassesSoIdesCompleteThemUnderEveryEntry()
      throws Exception {
    for (Method getter :
        List.of(
            PolicyProperties.class.getMethod("getRetryOn"),
            PolicyProperties.class.getMethod("getAbortOn"),
            CircuitBreakerProperties.class.getMethod("getRecordOn"),
            CircuitBreakerProperties.class.getMethod("getIgnoreOn"))) {
      assertThat(getter.getGenericReturnType().getTypeName())
          .as("the return type of %s", getter.getName())
          .isEqualTo(THROWABLE_CLASSES);
    }
    List<String> typed = new ArrayList<>();
    for (JsonNode property : ConfigurationReferenceTest.metadata().get("properties")) {
      String name = property.get("name").asString();
      if (name.matches(EXCEPTION_LIST)) {
        assertThat(property.get("type").asString())
            .as("the type of %s", name)
            .isEqualTo(THROWABLE_CLASSES);
        typed.add(name);
      }
    }
    assertThat(typed)
        .containsExactlyInAnyOrder(
            "backon.defaults.retry-on",
            "backon.defaults.abort-on",
            "backon.circuit-breaker-defaults.record-on",
            "backon.circuit-breaker-defaults.ignore-on");
  }

  @Test
  void everyEnumKeyOffersExactlyTheValuesUsersMayWrite() throws Exception {
    Map<String, JsonNode> hints = hints();
    List<String> checked = new ArrayList<>();
    for (JsonNode property : ConfigurationReferenceTest.metadata().get("properties")) {
      String name = property.get("name").asString();
      Class<?> type = typeOf(property);
      if (!name.startsWith("backon.") || type == null || !type.isEnum()) {
        continue;
      }
      checked.add(name);
      assertThat(hints).as("value hints for %s", name).containsKey(name);
      List<String> offered = new ArrayList<>();
      hints.get(name).get("values").forEach(value -> offered.add(value.get("value").asString()));
      assertThat(offered)
          .as("values offered for %s", name)
          .containsExactlyInAnyOrderElementsOf(writable(type));
    }
    assertThat(checked)
        .contains(
            "backon.defaults.wait",
            "backon.defaults.jitter",
            "backon.circuit-breaker-defaults.sliding-window-type",
            "backon.defaults.give-up-log-level",
            "backon.observations.enabled",
            "backon.http.defaults.non-idempotent");
  }

  @Test
  void everyExceptionListOffersThrowableClasses() throws IOException {
    Map<String, JsonNode> hints = hints();
    List<String> checked = new ArrayList<>();
    for (JsonNode property : ConfigurationReferenceTest.metadata().get("properties")) {
      String name = property.get("name").asString();
      if (!name.matches(EXCEPTION_LIST)) {
        continue;
      }
      checked.add(name);
      assertThat(hints).as("value hints for %s", name).containsKey(name);
      JsonNode provider = hints.get(name).get("providers").get(0);
      assertThat(provider.get("name").asString()).isEqualTo("class-reference");
      assertThat(provider.get("parameters").get("target").asString())
          .isEqualTo("java.lang.Throwable");
    }
    assertThat(checked)
        .containsExactlyInAnyOrder(
            "backon.defaults.retry-on",
            "backon.defaults.abort-on",
            "backon.circuit-breaker-defaults.record-on",
            "backon.circuit-breaker-defaults.ignore-on");
  }

  @Test
  void everyHintBelongsToAKeyTheMetadataOffers() throws IOException {
    List<String> names = new ArrayList<>();
    for (JsonNode property : ConfigurationReferenceTest.metadata().get("properties")) {
      names.add(property.get("name").asString());
    }
    assertThat(hints().keySet()).allSatisfy(hint -> assertThat(names).contains(hint));
  }

  /**
   * The values a user writes: enum constants in kebab case without the annotation's POLICY;
   * Spring's log level names.
   */
  private static List<String> writable(Class<?> type) {
    if (type == System.Logger.Level.class) {
      return List.of("trace", "debug", "info", "warn", "error", "off");
    }
    return Arrays.stream(type.getEnumConstants())
        .map(c -> ((Enum<?>) c).name())
        .filter(constant -> !constant.equals("POLICY"))
        .map(constant -> constant.toLowerCase(Locale.ROOT).replace('_', '-'))
        .toList();
  }

  private static Class<?> typeOf(JsonNode property) {
    String type = property.get("type").asString();
    if (type.contains("<")) {
      return null;
    }
    try {
      return Class.forName(type, false, ConfigurationHintsTest.class.getClassLoader());
    } catch (ClassNotFoundException notAClass) {
      return null;
    }
  }

  private static Map<String, JsonNode> hints() throws IOException {
    Map<String, JsonNode> hints = new LinkedHashMap<>();
    ConfigurationReferenceTest.metadata()
        .get("hints")
        .forEach(hint -> hints.put(hint.get("name").asString(), hint));
    return hints;
  }
}
