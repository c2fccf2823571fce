package io.backon;

/** The hook a {@link RetryEvent} is delivered to, in the order they happen within a call. */
public enum EventType {
  /** An attempt is about to start (first hook, fires once per attempt). */
  ATTEMPT,
  /** Right before the target is called. */
  BEFORE,
  /** Right after the target returned or threw. */
  AFTER,
  /** A retry was decided; fires before the back-off sleep, before {@link #BACKOFF}. */
  BEFORE_SLEEP,
  /** The back-off sleep is about to start. */
  BACKOFF,
  /** The call succeeded; no further attempt will be made. */
  SUCCESS,
  /** The call gave up; the event carries the {@link GiveUpReason}. */
  GIVE_UP
}
