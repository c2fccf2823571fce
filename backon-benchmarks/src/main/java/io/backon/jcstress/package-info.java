/** jcstress concurrency tests of Backon; run from {@code jcstress.jar} (profile {@code bench}). */
@NullMarked
package io.backon.jcstress;

import org.jspecify.annotations.NullMarked;
