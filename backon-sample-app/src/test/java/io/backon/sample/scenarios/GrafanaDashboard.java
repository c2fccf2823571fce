package io.backon.sample.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard the project ships ({@code grafana/backon.json}) and the PromQL it runs:
 * every panel target's {@code expr} with its {@code legendFormat}, and every template variable's
 * query. Immutable.
 */
final class GrafanaDashboard {

  /** Where the dashboard lives, from the sample app's directory (tests run there). */
  static final Path FILE = Path.of("..", "grafana", "backon.json");

  private static final Pattern METRIC = Pattern.compile("\\b(backon_[a-z0-9_]+)");
  private static final Pattern SELECTOR = Pattern.compile("(backon_[a-z0-9_]+)\\{([^}]*)\\}");
  private static final Pattern MATCHER =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
  private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
  private static final Pattern LEGEND_LABEL =
      Pattern.compile("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\}\\}");
  private static final Pattern LABEL_VALUES =
      Pattern.compile(
          "label_values\\(\\s*(backon_[a-z0-9_]+)\\s*,\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");

  private final JsonNode json;
  private final List<Query> queries;

  private GrafanaDashboard(JsonNode json, List<Query> queries) {
    this.json = json;
    this.queries = List.copyOf(queries);
  }

  /** Reads {@link #FILE}. */
  static GrafanaDashboard read() {
    JsonNode json = JsonMapper.builder().build().readTree(FILE.toFile());
    List<Query> queries = new ArrayList<>();
    for (JsonNode panel : json.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(
            new Query(
                "panel '" + panel.path("title").asString() + "' " + target.path("refId").asString(),
                target.path("expr").asString(),
                target.path("legendFormat").asString("")));
      }
    }
    for (JsonNode variable : json.at("/templating/list")) {
      JsonNode query = variable.path("query");
      String text = query.isString() ? query.asString() : query.path("query").asString("");
      if (text.contains("backon_")) {
        queries.add(new Query("variable '" + variable.path("name").asString() + "'", text, ""));
      }
    }
    return new GrafanaDashboard(json, queries);
  }

  /** The dashboard as JSON. */
  JsonNode json() {
    return json;
  }

  /** Every query of the dashboard. */
  List<Query> queries() {
    return queries;
  }

  /**
   * One PromQL query of the dashboard.
   *
   * @param where the panel title and target id, or the template variable
   * @param expr the PromQL
   * @param legend the legend format, {@code {{label}}} placeholders included; empty for none
   */
  record Query(String where, String expr, String legend) {

    /** The {@code backon_*} metric names it reads. */
    Set<String> metrics() {
      Set<String> metrics = new LinkedHashSet<>();
      METRIC.matcher(expr).results().forEach(match -> metrics.add(match.group(1)));
      return metrics;
    }

    /**
     * The label names it needs on every metric it reads: in selectors, {@code by (...)} and {@code
     * without (...)} clauses, {@code label_values} and the legend.
     */
    Set<String> labels() {
      Set<String> labels = new LinkedHashSet<>();
      matchers().forEach(matcher -> labels.add(matcher.label()));
      Matcher grouping = GROUPING.matcher(expr);
      while (grouping.find()) {
        for (String label : grouping.group(1).split(",")) {
          if (!label.isBlank()) {
            labels.add(label.strip());
          }
        }
      }
      LABEL_VALUES.matcher(expr).results().forEach(match -> labels.add(match.group(2)));
      LEGEND_LABEL.matcher(legend).results().forEach(match -> labels.add(match.group(1)));
      return labels;
    }

    /** The label matchers inside its selectors, {@code name=~"$policy"} included. */
    List<LabelMatcher> matchers() {
      List<LabelMatcher> matchers = new ArrayList<>();
      Matcher selector = SELECTOR.matcher(expr);
      while (selector.find()) {
        Matcher matcher = MATCHER.matcher(selector.group(2));
        while (matcher.find()) {
          matchers.add(new LabelMatcher(selector.group(1), matcher.group(1), matcher.group(3)));
        }
      }
      return matchers;
    }
  }

  /**
   * One label matcher, e.g. {@code outcome=~"failure_with_retry|fallback"} on {@code
   * backon_calls_seconds_count}.
   */
  record LabelMatcher(String metric, String label, String value) {

    /**
     * The literal values it names ({@code a|b} gives both); empty when it uses a dashboard variable
     * or a regular expression beyond alternatives.
     */
    List<String> literalValues() {
      if (value.contains("$") || !value.matches("[a-zA-Z0-9_|-]+")) {
        return List.of();
      }
      return List.of(value.split("\\|"));
    }
  }
}
