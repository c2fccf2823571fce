package io.backon.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/** Records every observer callback as a line such as {@code "failed 1 boom"}. Thread-safe. */
final class RecordingObserver implements HedgeCopyObserver {

  private final List<String> events = new ArrayList<>();
  private final List<Integer> asked = new ArrayList<>();
  private IntPredicate admit = number -> true;

  RecordingObserver admitting(IntPredicate admit) {
    this.admit = admit;
    return this;
  }

  @Override
  public boolean mayStartHedge(int copyNumber) {
    synchronized (this) {
      asked.add(copyNumber);
    }
    return admit.test(copyNumber);
  }

  @Override
  public synchronized void copyStarted(int copyNumber) {
    events.add("started " + copyNumber);
  }

  @Override
  public synchronized void copySucceeded(
      int copyNumber, long durationNanos, @Nullable Object value) {
    events.add("succeeded " + copyNumber + " " + value + " in " + durationNanos);
  }

  @Override
  public synchronized void copyFailed(int copyNumber, long durationNanos, Throwable failure) {
    events.add("failed " + copyNumber + " " + failure.getMessage() + " in " + durationNanos);
  }

  @Override
  public synchronized void copyCancelled(int copyNumber) {
    events.add("cancelled " + copyNumber);
  }

  synchronized List<String> events() {
    return new ArrayList<>(events);
  }

  synchronized List<Integer> asked() {
    return new ArrayList<>(asked);
  }

  synchronized long count(String prefix) {
    return events.stream().filter(event -> event.startsWith(prefix)).count();
  }

  /** Every started copy got exactly one terminal callback, after its start; at most one winner. */
  synchronized void assertOneTerminalPerStartedCopy() {
    Map<Integer, Integer> started = new TreeMap<>();
    Map<Integer, Integer> terminal = new TreeMap<>();
    for (String event : events) {
      int number = Integer.parseInt(event.split(" ")[1]);
      if (event.startsWith("started")) {
        started.merge(number, 1, Integer::sum);
      } else {
        assertThat(started)
            .as("start before end of copy %d in %s", number, events)
            .containsKey(number);
        terminal.merge(number, 1, Integer::sum);
      }
    }
    assertThat(terminal).as("terminal callbacks in %s", events).isEqualTo(started);
    assertThat(started.values()).allMatch(count -> count == 1);
    assertThat(count("succeeded")).isLessThanOrEqualTo(1);
  }
}
