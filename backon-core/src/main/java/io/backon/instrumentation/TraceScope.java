package io.backon.instrumentation;

/**
 * An open scope of an attempt on one thread, from {@link AttemptTracer#openScope()}; the engine
 * closes it on the thread that opened it.
 */
@FunctionalInterface
public interface TraceScope extends AutoCloseable {

  /** A scope that does nothing. */
  TraceScope NONE = () -> {};

  /** Ends the scope; must not throw. */
  @Override
  void close();
}
