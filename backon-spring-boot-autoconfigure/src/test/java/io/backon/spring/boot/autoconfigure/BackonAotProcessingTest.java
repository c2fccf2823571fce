package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Backon;
import io.backon.spring.boot.autoconfigure.AotFixtures.Plain;
import io.backon.spring.boot.autoconfigure.AotFixtures.Price;
import io.backon.spring.boot.autoconfigure.AotFixtures.Prices;
import io.backon.spring.boot.autoconfigure.AotFixtures.Quote;
import io.backon.spring.boot.autoconfigure.AotFixtures.Quotes;
import io.backon.spring.boot.autoconfigure.actuate.HealthStatusOrderDefaults;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.aop.SpringProxy;
import org.springframework.aop.framework.Advised;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.DecoratingProxy;
import org.springframework.core.env.Environment;
import org.springframework.javapoet.ClassName;

/**
 * What {@code process-aot} does at build time to a context with {@code @Backon} beans: Backon's
 * proxy classes are generated (so a native image, which cannot generate classes, can load them),
 * and the runtime hints cover everything Backon reaches by reflection. One AOT run for all tests.
 */
class BackonAotProcessingTest {

  private static final ApplicationContextRunner RUNNER =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class))
          .withUserConfiguration(AotFixtures.Beans.class)
          .withPropertyValues(AotFixtures.PROPERTIES);

  private static RuntimeHints hints = new RuntimeHints();
  private static Set<String> generatedClassFiles = Set.of();

  @BeforeAll
  static void processAheadOfTime() {
    RUNNER.prepare(
        context -> {
          InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
          DefaultGenerationContext generation =
              new DefaultGenerationContext(
                  new ClassNameGenerator(ClassName.get("com.example", "AotTest")), files);
          new ApplicationContextAotGenerator()
              .processAheadOfTime(
                  (GenericApplicationContext) context.getSourceApplicationContext(), generation);
          generation.writeGeneratedContent();
          hints = generation.getRuntimeHints();
          generatedClassFiles = files.getGeneratedFiles(Kind.CLASS).keySet();
        });
  }

  @Test
  void theProxyClassOfABeanWithBackonMethodsIsGeneratedAtBuildTime() {
    String proxyClass = Quotes.class.getName() + "$$SpringCGLIB$$0";

    assertThat(generatedClassFiles).contains(proxyClass.replace('.', '/') + ".class");
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onType(TypeReference.of(proxyClass))
                .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
        .accepts(hints);
  }

  @Test
  void aBeanWithoutBackonGetsNoProxyClass() {
    assertThat(generatedClassFiles).noneMatch(file -> file.contains(Plain.class.getSimpleName()));
  }

  @Test
  void theBuildTimeProxyClassHasTheShapeOfTheOneTheRunningApplicationAsksFor() {
    Class<?> predicted = BackonProxies.predictedClass(Quotes.class);

    RUNNER.run(
        context -> {
          Class<?> running = context.getBean(Quotes.class).getClass();
          assertThat(predicted.getSuperclass())
              .isEqualTo(running.getSuperclass())
              .isEqualTo(Quotes.class);
          assertThat(predicted.getInterfaces()).containsExactly(running.getInterfaces());
        });
  }

  @Test
  void anInterfaceBeanGetsTheJdkProxyHintOfTheProxyTheRunningApplicationCreates() {
    RUNNER.run(
        context -> {
          Class<?> running = context.getBean(Prices.class).getClass();
          assertThat(Proxy.isProxyClass(running)).isTrue();
          assertThat(running.getInterfaces())
              .containsExactly(
                  Prices.class, SpringProxy.class, Advised.class, DecoratingProxy.class);
        });
    assertThat(
            RuntimeHintsPredicates.proxies()
                .forInterfaces(
                    Prices.class, SpringProxy.class, Advised.class, DecoratingProxy.class))
        .accepts(hints);
  }

  @Test
  void theFallbackMethodIsRegisteredForInvocationEvenWhenInherited() {
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onMethodInvocation(AotFixtures.CachedQuotes.class, "cached"))
        .accepts(hints);
  }

  @Test
  void aClassLevelFallbackIsRegisteredForInvocationInEachOfItsForms() throws Exception {
    Class<?> catalog = AotFixtures.Catalog.class;

    assertThat(generatedClassFiles)
        .contains(catalog.getName().replace('.', '/') + "$$SpringCGLIB$$0.class");
    for (var offline :
        List.of(
            catalog.getDeclaredMethod("offline", String.class),
            catalog.getDeclaredMethod("offline", String.class, Throwable.class))) {
      assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(offline))
          .as(offline.toString())
          .accepts(hints);
    }
  }

  @Test
  void theFailureAnalyzersAreCreatedWithTheConstructorsSpringBootChooses() throws Exception {
    // Loaded from META-INF/spring.factories; Spring Boot passes the Environment it asks for.
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onConstructorInvocation(
                    BackonConfigurationFailureAnalyzer.class.getConstructor(Environment.class)))
        .accepts(hints);
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onConstructorInvocation(BackonBindFailureAnalyzer.class.getConstructor()))
        .accepts(hints);
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onConstructorInvocation(HealthStatusOrderDefaults.class.getConstructor()))
        .accepts(hints);
  }

  @Test
  void resultTypesAreRegisteredForWhatARetryIfExpressionReads() {
    for (Class<?> result : List.of(Quote.class, Price.class)) {
      assertThat(
              RuntimeHintsPredicates.reflection()
                  .onType(result)
                  .withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS))
          .as(result.getSimpleName())
          .accepts(hints);
    }
    assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Quote.class, "cents"))
        .accepts(hints);
  }

  @Test
  void exceptionClassesNamedInTheAnnotationAreRegisteredForLoadingByName() {
    assertThat(RuntimeHintsPredicates.reflection().onType(IOException.class)).accepts(hints);
    assertThat(RuntimeHintsPredicates.reflection().onType(EOFException.class)).accepts(hints);
  }

  @Test
  void exceptionClassesNamedInPropertiesAreRegisteredForLoadingByName() {
    for (Class<?> named :
        List.of(
            TimeoutException.class,
            IllegalStateException.class,
            ConnectException.class,
            SocketTimeoutException.class,
            FileNotFoundException.class)) {
      assertThat(RuntimeHintsPredicates.reflection().onType(named))
          .as(named.getName())
          .accepts(hints);
    }
  }

  @Test
  void aNestedClassWrittenWithADotIsRegisteredAsTheClassTheBinderLoads() {
    assertThat(RuntimeHintsPredicates.reflection().onType(AotFixtures.QuoteExpired.class))
        .accepts(hints);
  }

  @Test
  void theStartersOwnHintsAreImportedWithTheAutoConfiguration() {
    assertThat(RuntimeHintsPredicates.proxies().forInterfaces(Backon.class)).accepts(hints);
    assertThat(hints.reflection().getTypeHint(Executors.class)).isNotNull();
  }

  @Test
  void theBackonPropertiesAreRegisteredForBindingDownToEachPolicy() {
    for (Class<?> type :
        List.of(
            BackonProperties.class,
            PolicyProperties.class,
            CircuitBreakerProperties.class,
            HedgingProperties.class)) {
      assertThat(RuntimeHintsPredicates.reflection().onType(type))
          .as(type.getSimpleName())
          .accepts(hints);
    }
  }
}
