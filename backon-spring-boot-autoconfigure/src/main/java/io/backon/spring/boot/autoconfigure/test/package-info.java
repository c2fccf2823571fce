/**
 * Test support for Spring applications using Backon: {@link
 * io.backon.spring.boot.autoconfigure.test.BackonTest} applies the core testing scopes around each
 * test, and {@link io.backon.spring.boot.autoconfigure.test.BackonBeans} reads the policy a bean
 * method runs under.
 */
@NullMarked
package io.backon.spring.boot.autoconfigure.test;

import org.jspecify.annotations.NullMarked;
