package io.backon.stop;

import io.backon.RetryState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** Stops as soon as one of its elements stops. See {@link Stop#any(Stop...)}. */
final class AnyStop implements Stop {

  private final Stop[] stops;

  private AnyStop(Stop[] stops) {
    this.stops = stops;
  }

  /** {@code any(stops)}: nested {@code any(...)} are flattened, one element is kept as is. */
  static Stop of(Stop[] stops) {
    Stop[] checked = StopChecks.elements(stops, "stops");
    if (checked.length == 1) {
      return checked[0];
    }
    List<Stop> flat = new ArrayList<>(checked.length);
    for (Stop stop : checked) {
      if (stop instanceof AnyStop any) {
        flat.addAll(Arrays.asList(any.stops));
      } else {
        flat.add(stop);
      }
    }
    return new AnyStop(flat.toArray(new Stop[0]));
  }

  @Override
  public boolean shouldStop(RetryState state) {
    for (Stop stop : stops) {
      if (stop.shouldStop(state)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof AnyStop that && Arrays.equals(stops, that.stops);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(stops);
  }

  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "any(", ")");
    for (Stop stop : stops) {
      joiner.add(stop.toString());
    }
    return joiner.toString();
  }
}
