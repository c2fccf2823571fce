/**
 * Wait strategies ({@link io.backon.wait.Wait}) and jitter ({@link io.backon.wait.Jitter}) between
 * attempts.
 */
@NullMarked
package io.backon.wait;

import org.jspecify.annotations.NullMarked;
