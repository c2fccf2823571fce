/**
 * Actuator support: the {@code backon} endpoint ({@code /actuator/backon}) and the {@code backon}
 * health contributor. Configured only when Spring Boot Actuator is on the class path.
 */
@NullMarked
package io.backon.spring.boot.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
