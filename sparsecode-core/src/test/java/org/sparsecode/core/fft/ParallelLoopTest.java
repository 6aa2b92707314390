package org.sparsecode.core.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelLoopTest {

  @Test
  void everyIndexRunsOnceOnTheWorkerOwningItsBlock() {
    try (ParallelLoop loop = new ParallelLoop(3)) {
      AtomicIntegerArray runs = new AtomicIntegerArray(10);
      int[] worker = new int[10];
      loop.forEach(10, (w, i) -> {
        runs.incrementAndGet(i);
        worker[i] = w;
      });
      for (int i = 0; i < 10; i++) {
        assertThat(runs.get(i)).isEqualTo(1);
        assertThat(i).isGreaterThanOrEqualTo(loop.start(worker[i], 10)).isLessThan(loop.start(worker[i] + 1, 10));
      }
    }
  }

  @Test
  void aFailingBodyRethrowsItsExceptionAfterTheOthersFinish() {
    try (ParallelLoop loop = new ParallelLoop(2)) {
      assertThatThrownBy(() -> loop.forEach(8, (w, i) -> {
        if (i == 6) {
          throw new IllegalStateException("boom at " + i);
        }
      })).isInstanceOf(IllegalStateException.class).hasMessage("boom at 6");
    }
  }

  @Test
  void zeroThreadsIsRejected() {
    assertThatThrownBy(() -> new ParallelLoop(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
