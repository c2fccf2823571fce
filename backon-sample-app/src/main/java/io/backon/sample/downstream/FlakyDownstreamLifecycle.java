package io.backon.sample.downstream;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the {@link FlakyDownstream} with the application context and stops it on shutdown. Its
 * phase is below the web server's, so the downstream is up before the app takes requests and goes
 * down only after the app has stopped taking them.
 */
final class FlakyDownstreamLifecycle implements SmartLifecycle {

  /** Earlier than the web server's start phase ({@code DEFAULT_PHASE - 2048}). */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private final FlakyDownstream downstream;

  FlakyDownstreamLifecycle(FlakyDownstream downstream) {
    this.downstream = downstream;
  }

  @Override
  public void start() {
    downstream.start();
  }

  @Override
  public void stop() {
    downstream.stop();
  }

  @Override
  public boolean isRunning() {
    return downstream.isRunning();
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
