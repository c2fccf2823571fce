/**
 * Behavioural simulations: plain {@code main} programs that drive the real Backon engine on
 * simulated time ({@link io.backon.testing.FakeClock} and {@link
 * io.backon.testing.ManualScheduler}, direct executors), with fixed seeds, and print Markdown
 * tables. Each finishes in seconds.
 */
@NullMarked
package io.backon.benchmarks.sim;

import org.jspecify.annotations.NullMarked;
