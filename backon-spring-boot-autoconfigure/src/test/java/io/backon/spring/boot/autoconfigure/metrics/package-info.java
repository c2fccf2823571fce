/** Tests of the Micrometer auto-configuration. */
@NullMarked
package io.backon.spring.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
