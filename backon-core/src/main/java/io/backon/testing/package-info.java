/**
 * Test helpers: scopes that disable retries, limit them or remove back-off, assertions on the
 * number of tries, and a manual clock and sleeper.
 */
@NullMarked
package io.backon.testing;

import org.jspecify.annotations.NullMarked;
