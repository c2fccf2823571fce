package io.backon.spring.boot.autoconfigure;

import static io.backon.testing.BackonTesting.assertRetried;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.spring.boot.autoconfigure.beans.SyncService;
import io.backon.spring.boot.autoconfigure.test.BackonBeans;
import io.backon.spring.boot.autoconfigure.test.BackonTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = TestApplication.class)
@BackonTest(limitRetries = 2)
class BackonTestAnnotationTest {

  @Autowired SyncService sync;

  @Test
  void theClassLevelScopeCapsEveryCallOfABean() {
    sync.flaky().failFirst(5);

    assertRetried(sync::call, 2);
  }

  @Test
  @BackonTest(disableRetries = true)
  void aMethodLevelAnnotationReplacesTheClassOne() {
    sync.flaky().failFirst(1);

    assertThatThrownBy(sync::call).isInstanceOf(IOException.class);
    assertThat(sync.flaky().calls()).isEqualTo(1);
  }

  @Test
  void policyOfShowsTheResolvedPolicyOfABeanMethod() {
    assertThat(BackonBeans.policyOf(sync, "callWithFiveTries").name()).isEqualTo("quick");
    assertThat(BackonBeans.policyOf(sync, "withFallback", String.class).fallback()).isNotNull();
  }

  @Test
  void policyOfRejectsAMethodWithoutBackon() {
    assertThatThrownBy(() -> BackonBeans.policyOf(sync, "notAnnotated"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a @Backon method");
  }
}
