/**
 * Implementation details that several Backon packages share and that depend on no other Backon
 * package: argument checks ({@link io.backon.internal.support.Checks}) and the default executor of
 * blocking work ({@link io.backon.internal.support.DefaultExecutors}). Not API, not exported. A
 * leaf under {@code internal}, it lets API packages such as {@code io.backon.hedge} validate their
 * settings without importing the engine ({@code io.backon.internal}), which imports them.
 */
@NullMarked
package io.backon.internal.support;

import org.jspecify.annotations.NullMarked;
