package io.backon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method (or every public method of a class) to be called under a named retry policy. The
 * annotation lives in the core so domain code needs no Spring import; the Spring Boot module's
 * aspect processes it. Usable as a meta-annotation ({@code @Backon("db") @interface RetryDatabase}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface Backon {

  /** The name of the policy to apply; {@value RetryPolicy#DEFAULT_NAME} when empty. */
  String value() default "";
}
