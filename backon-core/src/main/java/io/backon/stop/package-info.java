/** Stop conditions ({@link io.backon.stop.Stop}) that decide when retrying ends. */
@NullMarked
package io.backon.stop;

import org.jspecify.annotations.NullMarked;
