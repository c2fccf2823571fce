package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.spring.boot.autoconfigure.beans.AsyncService;
import io.backon.spring.boot.autoconfigure.beans.SyncService;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = TestApplication.class, properties = "backon.enabled=false")
class GlobalDisableTest {

  @Autowired SyncService sync;
  @Autowired AsyncService async;
  @Autowired RetryPolicyRegistry registry;

  @Test
  void everyAnnotatedMethodCallsItsTargetExactlyOnce() {
    sync.flaky().failFirst(1);
    assertThatThrownBy(sync::call).isInstanceOf(IOException.class);
    assertThat(sync.flaky().calls()).isEqualTo(1);

    async.flaky().failFirst(1);
    assertThatThrownBy(() -> async.future().join()).hasCauseInstanceOf(IOException.class);
    assertThat(async.flaky().calls()).isEqualTo(1);
  }

  @Test
  void theRegistryHandsOutDisabledRetryings() {
    assertThat(registry.isEnabled()).isFalse();
    assertThat(registry.retrying("quick").isEnabled()).isFalse();
  }
}
