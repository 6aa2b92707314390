package org.sparsecode.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The order of an epoch read a window of shards at a time. The fuzz runs draw a size, a shard size and a window
 * from a seeded {@link SplittableRandom} (base seed {@value #BASE_SEED}, {@value #RUNS} runs in the default build,
 * {@code -Dfuzz.runs=N} for more, {@value #SLOW_RUNS} in the slow test); a failing run names its seed.
 */
class ShardShuffleTest {
  private static final long BASE_SEED = 0x5a4d_0001L;
  private static final int RUNS = 300;
  private static final int SLOW_RUNS = 20_000;

  @Test
  void everySampleComesExactlyOnceAndEachWindowFromItsShardsOnly() {
    fuzz(Integer.getInteger("fuzz.runs", RUNS));
  }

  @Test
  @Tag("slow")
  void everySampleComesExactlyOnceAndEachWindowFromItsShardsOnlyManyRuns() {
    fuzz(SLOW_RUNS);
  }

  private static void fuzz(int runs) {
    for (int r = 0; r < runs; r++) {
      long seed = BASE_SEED + r;
      SplittableRandom draw = new SplittableRandom(seed);
      int size = draw.nextInt(0, 400);
      int shardSize = 1 + draw.nextInt(50);
      int window = 1 + draw.nextInt(8);
      ShardShuffle plan = ShardShuffle.draw(size, shardSize, window, new SplittableRandom(seed * 31));
      String what = String.format("seed 0x%x: %d samples, shards of %d, windows of %d", seed, size, shardSize,
          window);
      int[] sorted = plan.order().clone();
      Arrays.sort(sorted);
      int[] all = new int[size];
      Arrays.setAll(all, i -> i);
      assertThat(sorted).as("%s: every sample once", what).isEqualTo(all);
      int shards = (size + shardSize - 1) / shardSize;
      assertThat(plan.windows()).as(what).isEqualTo(Math.max(1, (shards + window - 1) / window));
      assertThat(plan.starts()[plan.windows()]).as(what).isEqualTo(size);
      for (int w = 0; w < plan.windows(); w++) {
        assertThat(plan.shards()[w].length).as("%s: window %d's shards", what, w).isLessThanOrEqualTo(window);
        for (int p = plan.starts()[w]; p < plan.starts()[w + 1]; p++) {
          int shard = plan.order()[p] / shardSize;
          assertThat(plan.shards()[w]).as("%s: position %d", what, p).contains(shard);
          assertThat(plan.windowAt(p)).as("%s: the window of position %d", what, p).isEqualTo(w);
        }
      }
    }
  }

  @Test
  void aSetInOneWindowIsShuffledWithTheDrawsOfAWholeSetShuffle() {
    int n = 400;
    SplittableRandom random = new SplittableRandom(42);
    int[] old = new int[n];
    Arrays.setAll(old, i -> i);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = old[i];
      old[i] = old[j];
      old[j] = t;
    }
    SplittableRandom again = new SplittableRandom(42);
    ShardShuffle plan = ShardShuffle.draw(n, 100, 4, again);
    assertThat(plan.order()).isEqualTo(old);
    assertThat(plan.windows()).isEqualTo(1);
    // the flips drawn after the order come from the same place of the generator
    assertThat(again.nextLong()).isEqualTo(random.nextLong());
  }

  @Test
  void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
    int[] a = ShardShuffle.draw(1000, 50, 3, new SplittableRandom(7)).order();
    int[] b = ShardShuffle.draw(1000, 50, 3, new SplittableRandom(7)).order();
    int[] c = ShardShuffle.draw(1000, 50, 3, new SplittableRandom(8)).order();
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void theShardsAreVisitedInADrawnOrderWhenTheyExceedAWindow() {
    ShardShuffle plan = ShardShuffle.draw(1000, 100, 2, new SplittableRandom(3));
    assertThat(plan.windows()).isEqualTo(5);
    int[] firsts = Arrays.stream(plan.shards()).mapToInt(s -> s[0]).toArray();
    assertThat(firsts).isNotEqualTo(new int[] {0, 2, 4, 6, 8});
  }
}
