package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Backon;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

/** Hints for {@code @Backon} methods whose details are known only at run time. */
class BackonMethodHintsTest {

  @Test
  void aFallbackNamedByAnUnresolvablePlaceholderRegistersEveryDeclaredMethod() {
    RuntimeHints hints = new RuntimeHints();

    BackonMethodHints.register(
        hints.reflection(),
        BackonAnnotatedMethod.findAll(FallbackFromConfig.class),
        text -> {
          throw new IllegalArgumentException("Could not resolve placeholder in " + text);
        });

    assertThat(
            RuntimeHintsPredicates.reflection()
                .onType(FallbackFromConfig.class)
                .withMemberCategory(MemberCategory.INVOKE_DECLARED_METHODS))
        .accepts(hints);
  }

  @Test
  void aResolvedFallbackNameRegistersOnlyThatMethod() {
    RuntimeHints hints = new RuntimeHints();

    BackonMethodHints.register(
        hints.reflection(),
        BackonAnnotatedMethod.findAll(FallbackFromConfig.class),
        text -> "second");

    assertThat(
            RuntimeHintsPredicates.reflection()
                .onMethodInvocation(FallbackFromConfig.class, "second"))
        .accepts(hints);
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onMethodInvocation(FallbackFromConfig.class, "first"))
        .rejects(hints);
  }

  @Test
  void theResultOfAFutureOrPublisherIsItsElementTypeAndVoidHasNone() throws NoSuchMethodException {
    assertThat(
            BackonMethodHints.resultType(
                AotFixtures.Quotes.class.getMethod("price", String.class),
                AotFixtures.Quotes.class))
        .isEqualTo(AotFixtures.Price.class);
    assertThat(
            BackonMethodHints.resultType(
                AotFixtures.Prices.class.getMethod("latest", String.class),
                AotFixtures.Prices.class))
        .isEqualTo(AotFixtures.Price.class);
    assertThat(
            BackonMethodHints.resultType(
                FallbackFromConfig.class.getMethod("call"), FallbackFromConfig.class))
        .isNull();
  }

  static class FallbackFromConfig {

    @Backon(fallback = "${payments.fallback}")
    public void call() {}

    void first() {}

    void second() {}
  }
}
