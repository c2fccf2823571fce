package io.backon;

import io.backon.internal.IteratorCall;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The attempts of one call, for code that cannot be wrapped in a lambda:
 *
 * <pre>{@code
 * Attempts<String> attempts = retrying.attempts();
 * for (Attempt<String> attempt : attempts) {
 *   try {
 *     attempt.succeed(client.fetch(url));
 *   } catch (IOException e) {
 *     attempt.fail(e);
 *   }
 * }
 * String body = attempts.result(); // the value, or throws the last failure
 * }</pre>
 *
 * <p>Iteration follows the policy exactly like {@link Retrying#call}: {@code hasNext()} decides,
 * sleeps the back-off, fires the callbacks and asks the circuit breaker (a rejected attempt is
 * never handed out). The loop body runs the target itself, so Backon cannot interrupt it: an
 * attempt reported after the policy's attempt timeout counts as timed out ({@link
 * AttemptTimeoutException}, its outcome discarded, a failure suppressed), and one reported after
 * the deadline ends the call with {@link DeadlineExceededException}. Hedging needs the engine to
 * run copies and does not apply to this face. With an instrumentation, each attempt's scope is open
 * from {@code next()} until it is reported, and a call that gave up ends when {@link #result()} is
 * called. Single-use; confined to the iterating thread.
 *
 * @param <T> the value type
 */
public final class Attempts<T extends @Nullable Object> implements Iterable<Attempt<T>> {

  private final IteratorCall call;
  private boolean iterated;

  Attempts(IteratorCall call) {
    this.call = call;
  }

  /** The one iterator of this call; a second call throws {@link IllegalStateException}. */
  @Override
  public Iterator<Attempt<T>> iterator() {
    if (iterated) {
      throw new IllegalStateException(
          "Attempts are single-use; get new ones from retrying.attempts()");
    }
    iterated = true;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return call.advance();
      }

      @Override
      public Attempt<T> next() {
        if (!call.advance()) {
          throw new NoSuchElementException("the call has ended after attempt " + call.number());
        }
        return new Attempt<>(Attempts.this, call.start());
      }
    };
  }

  void report(Attempt<T> attempt, @Nullable T result, @Nullable Throwable thrown) {
    call.report(attempt.number(), result, thrown);
  }

  /**
   * The call's result once iteration has ended: the accepted value, the fallback's value, or (with
   * {@code raiseOnGiveUp(false)}) the last value / null.
   *
   * @throws Exception the last failure as reported to {@link Attempt#fail}
   * @throws IllegalStateException while attempts are still pending
   */
  @SuppressWarnings({"unchecked", "NullAway"}) // the value reported for this call's T
  public T result() throws Exception {
    return (T) call.result();
  }

  @Override
  public String toString() {
    return "Attempts{" + call + '}';
  }
}
