package io.backon.sample.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class HitCounterTest {

  @Test
  void numbersTheHitsOfEachRequestIdFromOne() {
    HitCounter counter = new HitCounter(10);

    assertThat(counter.count("a")).isEqualTo(1);
    assertThat(counter.count("b")).isEqualTo(1);
    assertThat(counter.count("a")).isEqualTo(2);
    assertThat(counter.count(null)).isEqualTo(1);
    assertThat(counter.count(null)).isEqualTo(2);

    DownstreamStats stats = counter.snapshot();
    assertThat(stats.totalHits()).isEqualTo(5);
    assertThat(stats.anonymousHits()).isEqualTo(2);
    assertThat(stats.hitsByRequestId()).containsExactly(entry("a", 2L), entry("b", 1L));
  }

  @Test
  void keepsAtMostTheCapOfRequestIdsDroppingTheOldest() {
    HitCounter counter = new HitCounter(2);
    counter.count("first");
    counter.count("second");
    counter.count("first");

    counter.count("third");

    DownstreamStats stats = counter.snapshot();
    assertThat(stats.hitsByRequestId()).containsExactly(entry("second", 1L), entry("third", 1L));
    assertThat(stats.evictedRequestIds()).isEqualTo(1);
    assertThat(stats.totalHits()).isEqualTo(4);
    assertThat(counter.count("first")).isEqualTo(1);
  }

  @Test
  void resetForgetsEverything() {
    HitCounter counter = new HitCounter(1);
    counter.count("a");
    counter.count("b");
    counter.count(null);

    counter.reset();

    assertThat(counter.snapshot()).isEqualTo(new DownstreamStats(0, 0, 0, Map.of()));
    assertThat(counter.hits("b")).isZero();
  }

  @Test
  void concurrentHitsAreNeitherLostNorNumberedTwice() throws Exception {
    HitCounter counter = new HitCounter(100);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Long>> numbers = new ArrayList<>();
      for (int i = 0; i < 4_000; i++) {
        numbers.add(CompletableFuture.supplyAsync(() -> counter.count("shared"), pool));
      }

      assertThat(numbers.stream().map(CompletableFuture::join))
          .doesNotHaveDuplicates()
          .hasSize(4_000);
      assertThat(counter.hits("shared")).isEqualTo(4_000);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theSnapshotIsACopy() {
    HitCounter counter = new HitCounter(5);
    counter.count("a");
    DownstreamStats before = counter.snapshot();

    counter.count("a");

    assertThat(before.hits("a")).isEqualTo(1);
    assertThatThrownBy(() -> before.hitsByRequestId().put("b", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
