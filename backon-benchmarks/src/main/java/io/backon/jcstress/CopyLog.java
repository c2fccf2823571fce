package io.backon.jcstress;

import io.backon.hedge.HedgeCopyObserver;
import io.backon.hedge.HedgeOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A hedge observer for jcstress tests: records each copy's terminal callback as one word, {@code
 * S}, {@code F} or {@code C} (succeeded, failed, cancelled) followed by the copy number, and how
 * the call ended. {@link #copies()} renders the words sorted by copy number and separated by a
 * space, e.g. {@code "F1 S2"}, independent of the order in which threads reported them.
 * Thread-safe.
 */
final class CopyLog implements HedgeCopyObserver {

  private final ConcurrentLinkedQueue<String> terminals = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<HedgeOutcome> endings = new ConcurrentLinkedQueue<>();
  private final AtomicReference<@Nullable Object> wonWith = new AtomicReference<>();

  @Override
  public void copySucceeded(int copyNumber, long durationNanos, @Nullable Object value) {
    terminals.add("S" + copyNumber);
    wonWith.set(value);
  }

  @Override
  public void copyFailed(int copyNumber, long durationNanos, Throwable failure) {
    terminals.add("F" + copyNumber);
  }

  @Override
  public void copyCancelled(int copyNumber) {
    terminals.add("C" + copyNumber);
  }

  @Override
  public void hedgedCallEnded(HedgeOutcome outcome) {
    endings.add(outcome);
  }

  /** Every terminal callback so far, sorted by copy number, e.g. {@code "C1 S2"}; or "none". */
  String copies() {
    List<String> sorted = new ArrayList<>(terminals);
    if (sorted.isEmpty()) {
      return "none";
    }
    sorted.sort(
        Comparator.comparingInt((String word) -> Integer.parseInt(word.substring(1)))
            .thenComparing(Comparator.naturalOrder()));
    return String.join(" ", sorted);
  }

  /**
   * The kinds of the terminal callbacks without copy numbers, sorted, e.g. {@code "FS"} for one
   * failed and one succeeded copy: for races where which copy does what is not fixed.
   */
  String kinds() {
    List<String> kinds = new ArrayList<>();
    for (String word : terminals) {
      kinds.add(word.substring(0, 1));
    }
    Collections.sort(kinds);
    return kinds.isEmpty() ? "none" : String.join("", kinds);
  }

  /**
   * How the call ended, e.g. {@code "HEDGE_WON"}; several words if it was reported more than once.
   */
  String ending() {
    List<String> names = new ArrayList<>();
    for (HedgeOutcome outcome : endings) {
      names.add(outcome.name());
    }
    Collections.sort(names);
    return names.isEmpty() ? "none" : String.join(" ", names);
  }

  /** The value {@code copySucceeded} reported, or {@code null}. */
  @Nullable Object wonWith() {
    return wonWith.get();
  }
}
