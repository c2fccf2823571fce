package io.backon.breaker;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The state-change listeners of one breaker, called in registration order on the thread that made
 * the transition. A listener that throws is logged at WARNING on the {@code System.Logger} named
 * {@code io.backon.breaker} and the others still run. Thread-safe.
 */
final class StateListeners {

  private final List<Consumer<CircuitStateTransition>> listeners;

  StateListeners(List<Consumer<CircuitStateTransition>> initial) {
    this.listeners = new CopyOnWriteArrayList<>(initial);
  }

  void add(Consumer<CircuitStateTransition> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  void publish(CircuitStateTransition transition) {
    for (Consumer<CircuitStateTransition> listener : listeners) {
      try {
        listener.accept(transition);
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable e) {
        BreakerLog.listenerFailed(transition, e);
      }
    }
  }
}
