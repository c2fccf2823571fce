/**
 * The Backon sample application (port 8080): {@code @Backon} scenarios in {@code
 * io.backon.sample.scenarios}, their HTTP clients in {@code io.backon.sample.client}, the flaky
 * downstream they call in {@code io.backon.sample.downstream}, and {@code GET /hello}, which uses
 * the programmatic {@code Retrying} API.
 */
@NullMarked
package io.backon.sample;

import org.jspecify.annotations.NullMarked;
