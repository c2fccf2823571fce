package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The wait after attempt {@code k} comes from strategy {@code k}; the last strategy repeats. See
 * {@link Wait#chain(Wait...)}.
 *
 * @param waits at least one strategy; immutable
 */
record ChainWait(List<Wait> waits) implements Wait {

  ChainWait {
    waits = List.copyOf(waits);
  }

  @Override
  public long nextWaitNanos(RetryState state) {
    int index = Math.min(Math.max(0, state.attemptNumber() - 1), waits.size() - 1);
    return waits.get(index).nextWaitNanos(state);
  }

  @Override
  public Description describe() {
    return Description.of("chain").with("waits", Description.ofAll(waits));
  }

  @Override
  public String toString() {
    return waits.stream().map(String::valueOf).collect(Collectors.joining(", ", "chain(", ")"));
  }
}
