/**
 * A minimal Spring Boot application showing Backon: {@code GET /hello} on port 8080.
 */
@NullMarked
package io.backon.sample;

import org.jspecify.annotations.NullMarked;
