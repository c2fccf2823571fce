package io.backon.instrumentation;

/**
 * An open scope of an attempt on one thread, from {@link AttemptTracer#openScope()}, or of a call's
 * caller, from {@link CallTracer#openCallerScope()}; the engine closes it on the thread that opened
 * it.
 */
@FunctionalInterface
public interface TraceScope extends AutoCloseable {

  /** A scope that does nothing. */
  TraceScope NONE = () -> {};

  /** Ends the scope; must not throw. */
  @Override
  void close();
}
