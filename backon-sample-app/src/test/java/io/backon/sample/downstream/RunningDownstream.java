package io.backon.sample.downstream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link FlakyDownstream} on a free port for a whole test class: started before all tests,
 * {@linkplain FlakyDownstream#reset() reset} to its initial behaviour with no hits before each,
 * stopped after all. Register it in a static field with {@code @RegisterExtension}.
 */
final class RunningDownstream implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private final FlakyDownstream downstream;

  RunningDownstream(DownstreamBehaviour initialBehaviour) {
    downstream = FlakyDownstream.builder().port(0).behaviour(initialBehaviour).build();
  }

  /** The downstream; running while the test class runs. */
  FlakyDownstream downstream() {
    return downstream;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    downstream.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    downstream.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    downstream.stop();
  }
}
