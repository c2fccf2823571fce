/**
 * Hedged execution: start a call, start another copy of it when the first is slow (or fails), and
 * take the first success. {@link io.backon.hedge.HedgingPolicy} configures it, {@link
 * io.backon.Hedging} runs calls under it, {@link io.backon.hedge.HedgeDelay} says how long to wait
 * before each hedge (fixed, or adaptive from recent latencies), and {@link
 * io.backon.hedge.HedgeCopyObserver} lets a caller (the retry engine, a circuit breaker, a retry
 * budget) see and gate every copy.
 *
 * <p>In the layering of one call (see the design), hedging sits between the per-attempt circuit
 * breaker and the attempt timeout: one retry attempt may run several hedged copies.
 */
@NullMarked
package io.backon.hedge;

import org.jspecify.annotations.NullMarked;
