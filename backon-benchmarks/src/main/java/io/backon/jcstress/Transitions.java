package io.backon.jcstress;

import io.backon.breaker.CircuitStateTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * A breaker listener for jcstress tests: collects every announced transition, and renders them as
 * one outcome word, {@code FROM>TO} pairs sorted and separated by a space ({@code "none"} when
 * there were none). Sorting makes the rendering independent of the announcement order, which is not
 * defined for transitions made on different threads. Thread-safe.
 */
final class Transitions implements Consumer<CircuitStateTransition> {

  private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

  @Override
  public void accept(CircuitStateTransition transition) {
    seen.add(transition.from() + ">" + transition.to());
  }

  /** The transitions seen so far, e.g. {@code "CLOSED>OPEN OPEN>FORCED_OPEN"}, or "none". */
  @Override
  public String toString() {
    List<String> sorted = new ArrayList<>(seen);
    if (sorted.isEmpty()) {
      return "none";
    }
    Collections.sort(sorted);
    return String.join(" ", sorted);
  }
}
