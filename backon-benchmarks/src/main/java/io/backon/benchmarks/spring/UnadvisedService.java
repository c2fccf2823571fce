package io.backon.benchmarks.spring;

import io.backon.benchmarks.Targets;

/** The floor: a bean without any advice, called through its plain reference. */
public class UnadvisedService {

  /** Returns the target's value. */
  public String call() {
    return Targets.answer();
  }
}
