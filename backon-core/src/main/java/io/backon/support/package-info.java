/**
 * Helpers that several Backon packages share and that depend on no other Backon package: argument
 * checks ({@link io.backon.support.Checks}) and the default executor of blocking work ({@link
 * io.backon.support.DefaultExecutors}). Not API: the module does not export this package. Being a
 * leaf, it lets API packages such as {@code io.backon.hedge} validate their settings without
 * importing the engine ({@code io.backon.internal}), which imports them.
 */
@NullMarked
package io.backon.support;

import org.jspecify.annotations.NullMarked;
