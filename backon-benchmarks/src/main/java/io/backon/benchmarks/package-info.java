/** JMH benchmarks of Backon; run from {@code benchmarks.jar} (profile {@code bench}). */
@NullMarked
package io.backon.benchmarks;

import org.jspecify.annotations.NullMarked;
