package io.backon;

/**
 * A strategy that can tell what it is as a {@link Description} (kind and parameters), so tools such
 * as the Actuator endpoint show structured settings. Every built-in {@link io.backon.wait.Wait},
 * {@link io.backon.wait.Jitter}, {@link io.backon.condition.RetryCondition} and {@link
 * io.backon.hedge.HedgeDelay} describes itself; implement it on your own strategies and predicates
 * to show more than their class name.
 */
public interface Describable {

  /** This strategy's kind and parameters; cheap, allocation only when called. */
  Description describe();
}
