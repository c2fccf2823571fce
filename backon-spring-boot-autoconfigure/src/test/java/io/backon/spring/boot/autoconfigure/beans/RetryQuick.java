package io.backon.spring.boot.autoconfigure.beans;

import io.backon.Backon;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A user's own annotation, meta-annotated with @Backon. */
@Backon(value = "quick", maxTries = 4)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RetryQuick {}
