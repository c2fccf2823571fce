package io.backon.benchmarks.spring;

import io.backon.benchmarks.Targets;
import reactor.core.publisher.Mono;

/** The floor: a bean without any advice, called through its plain reference. */
public class UnadvisedService {

  /** Returns the target's value. */
  public String call() {
    return Targets.answer();
  }

  /** Returns the target's value in a {@code Mono}. */
  public Mono<String> mono() {
    return Mono.just(Targets.answer());
  }
}
