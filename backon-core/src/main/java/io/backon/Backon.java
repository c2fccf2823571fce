package io.backon;

import io.backon.wait.JitterKind;
import io.backon.wait.WaitKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method (or every public method of a class) to be called under a named retry policy. The
 * annotation lives in the core so domain code needs no Spring import; the Spring Boot module
 * processes it, validates it at startup and applies the fixed layering (deadline, retry loop,
 * breaker, hedging, attempt timeout). A method-level annotation replaces a class-level one. Usable
 * as a meta-annotation ({@code @Backon("db") @interface RetryDatabase}).
 *
 * <p>Every other attribute overrides one setting of the named policy; its default means "keep the
 * policy's". String attributes accept {@code ${...}} placeholders; durations use Spring Boot's
 * formats ({@code 500ms}, {@code 2s}, {@code PT1M}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface Backon {

  /** The name of the policy to apply; {@value RetryPolicy#DEFAULT_NAME} when empty. */
  String value() default "";

  /** Attempts in total, {@code >= 1}; {@code -1} keeps the policy's. */
  int maxTries() default -1;

  /**
   * No attempt starts later than this after the call began (a duration); empty keeps the policy's.
   */
  String maxTime() default "";

  /** The wait strategy; {@link WaitKind#POLICY} keeps the policy's. */
  WaitKind waitKind() default WaitKind.POLICY;

  /** The wait strategy's first or base wait (a duration); empty keeps the policy's. */
  String delay() default "";

  /** The wait strategy's cap (a duration); empty keeps the policy's. */
  String maxDelay() default "";

  /**
   * The growth factor of exponential waits ({@code > 1}) or the decay factor; empty keeps the
   * policy's.
   */
  String multiplier() default "";

  /** The jitter; {@link JitterKind#POLICY} keeps the policy's. */
  JitterKind jitter() default JitterKind.POLICY;

  /** Retry only these exception types (and subtypes); empty keeps the policy's. */
  Class<? extends Throwable>[] retryOn() default {};

  /** Never retry these exception types (and subtypes); empty keeps the policy's. */
  Class<? extends Throwable>[] abortOn() default {};

  /**
   * A SpEL condition on the returned value that asks for another attempt, e.g. {@code "#result ==
   * null"}; the value is the variable {@code #result}. Empty keeps the policy's.
   */
  String retryIf() default "";

  /** Cancels one attempt that runs longer than this (a duration); empty keeps the policy's. */
  String attemptTimeout() default "";

  /** Hard limit on the whole call including waits (a duration); empty keeps the policy's. */
  String deadline() default "";

  /** The name of a configured circuit breaker; empty keeps the policy's. */
  String circuitBreaker() default "";

  /**
   * Copies of an attempt in flight at most, the first included, as {@code HedgingPolicy.maxHedges}
   * and {@code hedging.max-hedges} count them: {@code 1} turns hedging off for this method, {@code
   * 2} allows the first copy and one hedge; {@code -1} keeps the policy's. Spring Boot needs {@code
   * backon.max-hedges-includes-first=true} to accept a value.
   */
  int hedges() default -1;

  /** The delay before each hedged copy (a duration); empty keeps the policy's. */
  String hedgeDelay() default "";

  /** The name of a configured retry budget; empty keeps the policy's. */
  String budget() default "";

  /**
   * The name of a method on the same bean returning the value to use when the call gives up. It
   * takes the same parameters, optionally followed by one {@link Throwable} (or subtype) parameter,
   * and returns the same type. Resolved at startup.
   */
  String fallback() default "";
}
