/** Annotated beans used by the Spring integration tests. */
@NullMarked
package io.backon.spring.boot.autoconfigure.beans;

import org.jspecify.annotations.NullMarked;
