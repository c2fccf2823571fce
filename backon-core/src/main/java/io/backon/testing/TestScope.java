package io.backon.testing;

/**
 * An open test override; closing it restores what was in force before. Use with try-with-resources.
 * Scopes are JVM-wide (they reach every thread, like {@code Retries.disable()}), so tests that open
 * them should not run in parallel with other retrying tests.
 */
public interface TestScope extends AutoCloseable {

  /** Restores the previous setting. Closing twice does nothing. */
  @Override
  void close();
}
