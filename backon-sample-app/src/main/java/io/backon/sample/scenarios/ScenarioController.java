package io.backon.sample.scenarios;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Runs the scenarios over HTTP:
 *
 * <ul>
 *   <li>{@code GET /scenarios}: every scenario with its policy and what it shows;
 *   <li>{@code GET /scenarios/{name}[?requestId=...]}: runs one call and answers 200 with a {@link
 *       ScenarioResult}, whatever the call's outcome (the result says it). Without {@code
 *       requestId}, the call gets a fresh one ({@code <name>-<8 hex digits>}). An unknown name is a
 *       404, an invalid id a 400.
 * </ul>
 *
 * The downstream's behaviour is changed through {@code /downstream/behaviour}.
 */
@RestController
@RequestMapping("/scenarios")
class ScenarioController {

  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final ScenarioCatalog catalog;
  private final ScenarioRunner runner;

  ScenarioController(ScenarioCatalog catalog, ScenarioRunner runner) {
    this.catalog = catalog;
    this.runner = runner;
  }

  @GetMapping
  List<Scenario> scenarios() {
    return catalog.all();
  }

  @GetMapping("/{name}")
  CompletableFuture<ScenarioResult> run(
      @PathVariable String name, @RequestParam(required = false) @Nullable String requestId) {
    Scenario scenario =
        catalog
            .find(name)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "no scenario '" + name + "'; known: " + catalog.names()));
    return runner.run(scenario, requestId(name, requestId));
  }

  private static String requestId(String scenario, @Nullable String given) {
    if (given == null) {
      return scenario + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
    if (!REQUEST_ID.matcher(given).matches()) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "requestId must match " + REQUEST_ID.pattern() + " but was '" + given + "'");
    }
    return given;
  }
}
