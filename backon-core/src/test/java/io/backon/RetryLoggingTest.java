package io.backon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RetryLoggingTest {
  @Test
  void probe() {
    assertThat(Logger.getLogger("io.backon").getName()).isEqualTo("io.backon");
  }
}
