/**
 * Backon core: the retry engine, with no runtime dependencies. Only API packages are exported;
 * {@code io.backon.internal} is not.
 */
module io.backon {
  requires static org.jspecify;
  requires static reactor.core;
  requires static org.reactivestreams;
  requires static context.propagation;
  requires static micrometer.core;
  requires static micrometer.observation;
  requires static micrometer.commons;

  exports io.backon;
  exports io.backon.breaker;
  exports io.backon.budget;
  exports io.backon.condition;
  exports io.backon.hedge;
  exports io.backon.http;
  exports io.backon.instrumentation;
  exports io.backon.micrometer;
  exports io.backon.reactor;
  exports io.backon.stop;
  exports io.backon.testing;
  exports io.backon.time;
  exports io.backon.wait;
}
