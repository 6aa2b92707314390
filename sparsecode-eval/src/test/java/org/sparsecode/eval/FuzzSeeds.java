package org.sparsecode.eval;

import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The seeds of a seeded fuzz test: {@code base + offset + i} for {@code i} below the run count
 * ({@code -Dfuzz.runs=N}, else the test's default), or the one seed {@code -Dfuzz.seed=S} replays.
 */
public final class FuzzSeeds {
  private FuzzSeeds() {}

  /**
   * The seeds.
   *
   * @param base the test's base seed
   * @param offset added to every seed (the slow tests use other seeds than the default ones)
   * @param defaultRuns the run count without {@code -Dfuzz.runs}
   * @return the seeds
   */
  public static LongStream of(long base, long offset, int defaultRuns) {
    String replay = System.getProperty("fuzz.seed");
    if (replay != null) {
      return LongStream.of(Long.decode(replay));
    }
    return LongStream.range(0, Integer.getInteger("fuzz.runs", defaultRuns)).map(i -> base + offset + i);
  }

  /**
   * One dynamic test per seed of {@link #of}, named by its seed.
   *
   * @param base the test's base seed
   * @param defaultRuns the run count without {@code -Dfuzz.runs}
   * @param run one run; it names its seed when it fails
   * @return the tests
   */
  public static Stream<DynamicTest> tests(long base, int defaultRuns, LongConsumer run) {
    return of(base, 0, defaultRuns).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> run.accept(seed)));
  }
}
