/** Injectable time: {@link io.backon.time.Clock} and {@link io.backon.time.Sleeper}. */
@NullMarked
package io.backon.time;

import org.jspecify.annotations.NullMarked;
