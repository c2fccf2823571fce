package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;

/**
 * Every bad configuration a user can write stops the startup with a report that carries the stable
 * code, names the property or annotated method at fault, says what is wrong and how to fix it. Each
 * case runs the real failure analyzers on the real startup failure.
 *
 * <p>The corpus is split into one table per area, each a test of its own that runs {@link
 * BadConfig#stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix} on every case; together the
 * tables cover every {@link ConfigErrorCode}.
 */
class BadConfigurationCorpusTest {

  @Test
  void theCorpusCoversEveryErrorCode() {
    Set<ConfigErrorCode> covered =
        corpus()
            .map(n -> n.getPayload().code)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConfigErrorCode.class)));

    assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ConfigErrorCode.class));
  }

  static Stream<Named<BadConfig>> corpus() {
    return Stream.of(
            SettingLimitsCorpusTest.cases(),
            UnboundValuesCorpusTest.cases(),
            PolicyTimingCorpusTest.cases(),
            PolicyConditionsCorpusTest.cases(),
            PolicyReferencesCorpusTest.cases(),
            HedgingSettingsCorpusTest.cases(),
            BreakersAndBudgetsCorpusTest.cases(),
            DuplicateNamesCorpusTest.cases(),
            AnnotationsCorpusTest.cases(),
            AnnotatedMethodsCorpusTest.cases(),
            MigrationMistakesCorpusTest.cases())
        .flatMap(table -> table);
  }
}
