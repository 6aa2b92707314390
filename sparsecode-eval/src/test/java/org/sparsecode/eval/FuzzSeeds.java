package org.sparsecode.eval;

import java.util.stream.LongStream;

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
}
