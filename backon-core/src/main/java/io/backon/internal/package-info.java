/** Engine internals. Not API: not exported from the module, may change in any release. */
@NullMarked
package io.backon.internal;

import org.jspecify.annotations.NullMarked;
