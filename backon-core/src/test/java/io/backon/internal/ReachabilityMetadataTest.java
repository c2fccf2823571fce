package io.backon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.backon.internal.support.DefaultExecutors;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * backon-core ships GraalVM reachability metadata for plain-Java native images: what the engine
 * reaches by name must stay registered, under the names the code uses.
 */
class ReachabilityMetadataTest {

  private static final String LOCATION =
      "META-INF/native-image/io.backon/backon-core/reachability-metadata.json";

  private final JsonNode metadata = read();

  @Test
  void everyTypeAndConditionItNamesExists() {
    List<String> named = new ArrayList<>();
    for (JsonNode entry : metadata.get("reflection")) {
      named.add(entry.get("type").asString());
      named.add(entry.at("/condition/typeReached").asString());
    }

    assertThat(named)
        .isNotEmpty()
        .allSatisfy(
            name ->
                assertThatCode(() -> Class.forName(name, false, getClass().getClassLoader()))
                    .as(name)
                    .doesNotThrowAnyException());
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "it names a JDK 21 method")
  void everyMethodAndFieldItNamesExistsWithThoseParameterTypes() throws Exception {
    // A renamed member is not an error for native-image: the image just lacks it at run time.
    int members = 0;
    for (JsonNode entry : metadata.get("reflection")) {
      Class<?> type = load(entry.get("type").asString());
      for (JsonNode method : entry.path("methods")) {
        List<Class<?>> parameters = new ArrayList<>();
        for (JsonNode parameter : method.get("parameterTypes")) {
          parameters.add(load(parameter.asString()));
        }
        String name = method.get("name").asString();
        if (name.equals("<init>")) {
          assertThat(type.getDeclaredConstructor(parameters.toArray(Class<?>[]::new))).isNotNull();
        } else {
          assertThat(type.getDeclaredMethod(name, parameters.toArray(Class<?>[]::new))).isNotNull();
        }
        members++;
      }
      for (JsonNode field : entry.path("fields")) {
        assertThat(type.getDeclaredField(field.get("name").asString())).isNotNull();
        members++;
      }
    }
    assertThat(members).as("members named").isPositive();
  }

  @Test
  void theVirtualThreadFactoryIsRegisteredWhenDefaultExecutorsIsReached() {
    JsonNode executors = entryFor("java.util.concurrent.Executors");

    assertThat(executors.at("/condition/typeReached").asString())
        .isEqualTo(DefaultExecutors.class.getName());
    assertThat(executors.get("methods"))
        .singleElement()
        .satisfies(
            method -> {
              assertThat(method.get("name").asString())
                  .isEqualTo("newVirtualThreadPerTaskExecutor");
              assertThat(method.get("parameterTypes")).isEmpty();
            });
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads exist on JDK 21+")
  void theRegisteredFactoryIsTheOneThatGivesDefaultExecutorsItsVirtualThreads() throws Exception {
    String name = entryFor("java.util.concurrent.Executors").at("/methods/0/name").asString();

    assertThat(Executors.class.getMethod(name).getReturnType()).isEqualTo(ExecutorService.class);
    assertThat(DefaultExecutors.usesVirtualThreads()).isTrue();
  }

  @Test
  void theContextRegistryBackonReactorChecksForIsRegisteredWhenBackonReactorIsReached() {
    assertThat(
            entryFor("io.micrometer.context.ContextRegistry")
                .at("/condition/typeReached")
                .asString())
        .isEqualTo("io.backon.reactor.BackonReactor");
  }

  @Test
  void theObservationHandlerListIsRegisteredWhenObservationConsumersIsReached() throws Exception {
    JsonNode config = entryFor("io.micrometer.observation.ObservationRegistry$ObservationConfig");
    String name = config.at("/methods/0/name").asString();

    assertThat(config.at("/condition/typeReached").asString())
        .isEqualTo("io.backon.micrometer.ObservationConsumers");
    assertThat(config.at("/methods/0/parameterTypes")).isEmpty();
    assertThat(
            io.micrometer.observation.ObservationRegistry.ObservationConfig.class
                .getDeclaredMethod(name)
                .getReturnType())
        .isEqualTo(java.util.Collection.class);
  }

  /** A type the metadata names, not initialized. */
  private Class<?> load(String name) throws ClassNotFoundException {
    return Class.forName(name, false, getClass().getClassLoader());
  }

  private JsonNode entryFor(String type) {
    for (JsonNode entry : metadata.get("reflection")) {
      if (entry.get("type").asString().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError("no reflection entry for " + type + " in " + LOCATION);
  }

  private static JsonNode read() {
    try (InputStream in =
        ReachabilityMetadataTest.class.getClassLoader().getResourceAsStream(LOCATION)) {
      assertThat(in).as(LOCATION).isNotNull();
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
