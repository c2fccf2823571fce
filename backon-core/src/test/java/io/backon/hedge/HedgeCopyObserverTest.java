package io.backon.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HedgeCopyObserverTest {

  @Test
  void theNoopObserverAdmitsEveryHedgeAndNamesItselfInLogsAndDescriptions() {
    HedgeCopyObserver noop = HedgeCopyObserver.NOOP;

    assertThat(noop.mayStartHedge(2)).isTrue();
    assertThat(noop).hasToString("HedgeCopyObserver.NOOP");
  }
}
