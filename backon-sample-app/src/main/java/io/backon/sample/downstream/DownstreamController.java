package io.backon.sample.downstream;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drives the app's {@link FlakyDownstream} through the app's own port:
 *
 * <ul>
 *   <li>{@code GET /downstream/behaviour}: the behaviour as {@link BehaviourSettings} JSON;
 *   <li>{@code PUT /downstream/behaviour}: replaces it (absent fields take the healthy defaults);
 *   <li>{@code PATCH /downstream/behaviour}: changes only the fields given;
 *   <li>{@code GET /downstream/stats}, {@code DELETE /downstream/stats}: hit counts, clear them;
 *   <li>{@code POST /downstream/reset}: initial behaviour, counts cleared.
 * </ul>
 *
 * Invalid input is answered 400 with a problem detail naming the field, value and rule.
 */
@RestController
@RequestMapping("/downstream")
class DownstreamController {

  private final FlakyDownstream downstream;

  DownstreamController(FlakyDownstream downstream) {
    this.downstream = downstream;
  }

  @GetMapping("/behaviour")
  BehaviourSettings behaviour() {
    return BehaviourSettings.of(downstream.behaviour());
  }

  @PutMapping("/behaviour")
  BehaviourSettings replaceBehaviour(@RequestBody Map<String, Object> settings) {
    DownstreamBehaviour replacement =
        BehaviourSettings.parse(settings).applyTo(DownstreamBehaviour.HEALTHY);
    downstream.setBehaviour(replacement);
    return BehaviourSettings.of(replacement);
  }

  @PatchMapping("/behaviour")
  BehaviourSettings changeBehaviour(@RequestBody Map<String, Object> settings) {
    BehaviourSettings changes = BehaviourSettings.parse(settings);
    return BehaviourSettings.of(downstream.updateBehaviour(changes::applyTo));
  }

  @GetMapping("/stats")
  DownstreamStats stats() {
    return downstream.stats();
  }

  @DeleteMapping("/stats")
  DownstreamStats clearStats() {
    downstream.resetStats();
    return downstream.stats();
  }

  @PostMapping("/reset")
  BehaviourSettings reset() {
    downstream.reset();
    return BehaviourSettings.of(downstream.behaviour());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalidBehaviour(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
  }
}
