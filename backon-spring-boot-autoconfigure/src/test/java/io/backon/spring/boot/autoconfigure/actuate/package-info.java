/** Tests of the Actuator endpoint and health contributor. */
@NullMarked
package io.backon.spring.boot.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
