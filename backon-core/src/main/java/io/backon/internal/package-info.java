/**
 * The engine behind every face. Not API: nothing here is exported by the module, and only five
 * types are public, for Backon's own packages ({@link io.backon.internal.Engine}, {@link
 * io.backon.internal.Pipeline}, {@link io.backon.internal.CallDriver}, {@link
 * io.backon.internal.IteratorCall}, {@link io.backon.internal.GlobalSettings}; {@code
 * InternalSurfaceTest} keeps it so). The engine reads the API packages' types (policies, listeners,
 * outcomes); {@code io.backon.hedge} does not import the engine back: its standalone facade is
 * {@link io.backon.Hedging}, and argument checks and the default executor live in the leaf package
 * {@code io.backon.internal.support}. No engine code lives in an API package ({@code HedgedCall}
 * and {@code HedgeLayer} are here).
 *
 * <p>The layers of one call, outermost first, and the class that implements each:
 *
 * <pre>
 * deadline ─▶ retry loop (stop, wait, budget) ─▶ hedging ─▶ per copy: breaker ─▶ attempt timeout ─▶ target
 *
 * deadline        SyncEngine (AttemptGuard interrupts the caller), AsyncCall (a timer),
 *                 reactor.ReactorCall (a timeout around each attempt), IteratorCall (late reports)
 * retry loop      SyncEngine (blocking), AsyncStart then AsyncCall (CompletionStage,
 *                 scheduled waits),
 *                 reactor.ReactorCall through CallDriver (retryWhen), IteratorCall (for loop);
 *                 all of them settle an attempt with Settlement and decide with
 *                 CallState.decide() (RetryDecision: retryable? wait, then the limits)
 * hedging         HedgeLayer, running HedgedCall (the race: first success wins)
 * breaker         BreakerLayer (the one place that asks for permission and reports outcomes)
 * attempt timeout TimeoutLayer (AttemptGuard for blocking copies, a timer for async ones)
 * </pre>
 *
 * <p>{@link io.backon.internal.Pipeline} is a policy compiled once, when it is built: it chains
 * only the layers the policy has ({@code Layer}, each with a blocking and an async entry) and tells
 * the loops which machinery a call needs. "Start an attempt" is one step, {@code
 * CallState.beginAttempt} (events, testing counters, instrumentation), used by every loop; {@code
 * CallEvents} builds an event only for a hook that has listeners. A call whose policy needs no
 * state before its first attempt runs it with no {@code CallState} at all.
 */
@NullMarked
package io.backon.internal;

import org.jspecify.annotations.NullMarked;
