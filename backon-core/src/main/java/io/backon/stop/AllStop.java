package io.backon.stop;

import io.backon.RetryState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** Stops as soon as one of its elements stops. See {@link Stop#all(Stop...)}. */
final class AllStop implements Stop {

  private final Stop[] stops;

  private AllStop(Stop[] stops) {
    this.stops = stops;
  }

  /** {@code all(stops)}: nested {@code all(...)} are flattened, one element is kept as is. */
  static Stop of(Stop[] stops) {
    Stop[] checked = StopChecks.elements(stops, "stops");
    if (checked.length == 1) {
      return checked[0];
    }
    List<Stop> flat = new ArrayList<>(checked.length);
    for (Stop stop : checked) {
      if (stop instanceof AllStop all) {
        flat.addAll(Arrays.asList(all.stops));
      } else {
        flat.add(stop);
      }
    }
    return new AllStop(flat.toArray(new Stop[0]));
  }

  @Override
  public boolean shouldStop(RetryState state) {
    for (Stop stop : stops) {
      if (!stop.shouldStop(state)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof AllStop that && Arrays.equals(stops, that.stops);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(stops);
  }

  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "all(", ")");
    for (Stop stop : stops) {
      joiner.add(stop.toString());
    }
    return joiner.toString();
  }
}
