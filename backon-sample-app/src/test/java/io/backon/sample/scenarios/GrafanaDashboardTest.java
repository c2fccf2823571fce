package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.GrafanaDashboard.LabelMatcher;
import io.backon.sample.scenarios.GrafanaDashboard.Query;
import io.backon.sample.scenarios.ScenarioResult.Outcome;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboard in {@code grafana/backon.json} against a real {@code /actuator/prometheus}
 * scrape of the app after an outage and a won hedge: every metric it queries has samples, every
 * label it groups, filters or labels its legend by is on those samples, every literal label value
 * it filters on occurs, and every meter the README documents has a panel.
 */
class GrafanaDashboardTest extends RunningSampleApp {

  static final GrafanaDashboard DASHBOARD = GrafanaDashboard.read();

  /** One scrape for all tests of the class: meters only grow, and the outage takes seconds. */
  private static PrometheusScrape scrape;

  @BeforeEach
  void scrapeOnceAfterAnOutageAndAWonHedge() {
    if (scrape != null) {
      return;
    }
    driveAnOutageAndItsEnd("grafana");
    run("http", "grafana-http"); // the HTTP client integration's own meter, backon.http.calls
    downstreamBehaves(LONG_TAIL);
    run("hedged", "warm-up");
    assertThat(run("hedged", SLOW_THEN_FAST[0]).outcome()).isEqualTo(Outcome.SUCCESS);
    scrape =
        PrometheusScrape.parse(
            http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
  }

  @Test
  void everyMetricTheDashboardQueriesIsInTheScrape() {
    assertThat(DASHBOARD.queries())
        .allSatisfy(
            query ->
                assertThat(query.metrics())
                    .as("metrics of %s: %s", query.where(), query.expr())
                    .isNotEmpty()
                    .allSatisfy(metric -> assertThat(scrape.metrics()).contains(metric)));
  }

  @Test
  void everyLabelTheDashboardUsesIsOnEachMetricOfItsQuery() {
    assertThat(DASHBOARD.queries())
        .allSatisfy(
            query -> {
              for (String metric : query.metrics()) {
                assertThat(scrape.labelsOf(metric))
                    .as("labels of %s in %s: %s", metric, query.where(), query.expr())
                    .containsAll(query.labels());
              }
            });
  }

  @Test
  void everyLabelValueTheDashboardFiltersOnOccursInTheScrape() {
    List<LabelMatcher> literal =
        DASHBOARD.queries().stream()
            .map(Query::matchers)
            .flatMap(List::stream)
            .filter(matcher -> !matcher.literalValues().isEmpty())
            .toList();

    assertThat(literal).as("the dashboard filters on outcomes").isNotEmpty();
    assertThat(literal)
        .allSatisfy(
            matcher ->
                assertThat(scrape.valuesOf(matcher.metric(), matcher.label()))
                    .as("values of %s on %s", matcher.label(), matcher.metric())
                    .containsAll(matcher.literalValues()));
  }

  @Test
  void everyMeterTheReadmeDocumentsHasAPanel() {
    Set<String> queried = new HashSet<>();
    DASHBOARD.queries().forEach(query -> queried.addAll(query.metrics()));

    assertThat(OutageMetersTest.DOCUMENTED.names())
        .allSatisfy(
            meter ->
                assertThat(queried)
                    .as("a panel reads %s", meter)
                    .anyMatch(
                        metric ->
                            metric.startsWith(meter.replace('.', '_'))
                                && OutageMetersTest.DOCUMENTED.documents(metric)));
  }

  @Test
  void everyPanelHasAUniqueIdAPlaceAndAPrometheusQuery() {
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : DASHBOARD.json().path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("unique id %s", panel.path("id")).isTrue();
      assertThat(panel.at("/gridPos/w").asInt())
          .as("width of %s", panel.path("title"))
          .isPositive();
      if (!"row".equals(panel.path("type").asString())) {
        assertThat(panel.path("targets").isEmpty())
            .as("targets of %s", panel.path("title"))
            .isFalse();
        assertThat(panel.at("/datasource/type").asString()).isEqualTo("prometheus");
      }
    }
    assertThat(DASHBOARD.json().path("uid").asString()).isEqualTo("backon");
  }
}
