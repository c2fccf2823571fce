package io.backon.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

/**
 * The dashboard's files: read from the class path, and in every native image that may serve them.
 */
class BackonDashboardTest {

  @Test
  void thePageAndItsTwoFilesAreReadFromTheClassPath() {
    BackonDashboard dashboard = BackonDashboard.load();

    assertThat(dashboard.page().getBody()).asString().startsWith("<!doctype html>");
    assertThat(dashboard.asset("dashboard.js")).isNotNull();
    assertThat(dashboard.asset("dashboard.css")).isNotNull();
    assertThat(dashboard.asset("index.html")).as("the page has one address").isNull();
  }

  @Test
  void aNativeImageKeepsEachFile() {
    RuntimeHints hints = new RuntimeHints();
    new BackonDashboard.Hints().registerHints(hints, getClass().getClassLoader());

    for (String file : new String[] {"index.html", "dashboard.js", "dashboard.css"}) {
      assertThat(RuntimeHintsPredicates.resource().forResource(BackonDashboard.LOCATION + file))
          .as(file)
          .accepts(hints);
    }
  }
}
