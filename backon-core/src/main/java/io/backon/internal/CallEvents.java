package io.backon.internal;

import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.RetryEvent;
import io.backon.RetryListener;
import java.time.Duration;

/**
 * The events of a call: an event is built only when its hook has a listener, and delivered to the
 * listeners in registration order; a throwing listener is logged and the call goes on. Not API.
 */
final class CallEvents {

  private CallEvents() {}

  /**
   * Delivers an event for {@code type} about attempt {@code number} of {@code state}'s call. Small,
   * so that the JIT inlines the check of a hook without listeners into every caller.
   */
  static void fire(CallState state, EventType type, int number) {
    RetryListener[] listeners = state.pipeline().listeners(type);
    if (listeners.length != 0) {
      deliver(state, listeners, type, number);
    }
  }

  private static void deliver(
      CallState state, RetryListener[] listeners, EventType type, int number) {
    RetryEvent event = event(state, type, number);
    for (RetryListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable broken) {
        RetryLog.listenerFailed(state.policy(), type, listener, broken);
      }
    }
  }

  /**
   * The event describing {@code state}'s call at {@code type} for attempt {@code number}. Events
   * before an attempt's outcome ({@code onAttempt}, {@code before}) read the clock; the others
   * carry the time the attempt ended.
   */
  static RetryEvent event(CallState state, EventType type, int number) {
    boolean outcomeKnown = type != EventType.ATTEMPT && type != EventType.BEFORE;
    boolean cutAfter = state.cutShort() && type == EventType.AFTER;
    boolean sleeping = type == EventType.BEFORE_SLEEP || type == EventType.BACKOFF;
    GiveUpReason reason = type == EventType.GIVE_UP ? state.giveUpReason() : null;
    return new RetryEvent(
        type,
        state.policy().name(),
        state.targetName(),
        state.arguments(),
        number,
        Duration.ofNanos(outcomeKnown ? state.elapsedNanos() : state.nanosSinceStart()),
        outcomeKnown && !cutAfter ? state.lastResult() : null,
        cutAfter ? state.thrownWhenCut() : outcomeKnown ? state.lastFailure() : null,
        sleeping ? Duration.ofNanos(state.upcomingWaitNanos()) : Duration.ZERO,
        reason,
        reason == null ? null : state.policy().describe(reason));
  }
}
