/**
 * Spring Boot auto-configuration for Backon.
 *
 * <p>Binds {@code backon.*} properties to retry policies, registers the {@code @Backon} aspect
 * (when AspectJ is on the class path) and, when present, the Actuator endpoint and Micrometer
 * meters. Auto-configuration classes are {@code public final}; the beans they declare back off with
 * {@code @ConditionalOnMissingBean}, so an application's own beans always win.
 */
@NullMarked
package io.backon.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
