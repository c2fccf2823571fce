/**
 * Backon core: the retry engine, with no runtime dependencies. Only API packages are exported;
 * {@code io.backon.internal} is not.
 */
module io.backon {
  requires static org.jspecify;

  exports io.backon;
  exports io.backon.budget;
  exports io.backon.condition;
  exports io.backon.stop;
  exports io.backon.testing;
  exports io.backon.time;
  exports io.backon.wait;
}
