package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sparsecode.experiments.results.Json;

/**
 * Random {@code sweep:} blocks over the toy plugins, built from the block's vocabulary (key paths good and
 * bad, lists, ranges with odd arguments, zip groups of unequal lengths, seeds, nulls, maps, variants, a
 * {@code --set}). The property: a load either fails with a {@link ConfigError} that says where (the file, or
 * the {@code --set}), or gives as many cells as the product of the axes times the seeds times the variants,
 * each with a distinct name within its variant and seed and the hash of its resolved configuration. The
 * default build runs {@link #RUNS} blocks ({@code -Dfuzz.runs=N} for more); the slow test, {@link #SLOW_RUNS}.
 * Each run's seed is in its name and in any failure.
 */
class SweepFuzzTest extends LoaderTestBase {
  /** The base seed: run {@code i} uses {@code BASE_SEED + i}. */
  static final long BASE_SEED = 20_261_205L;
  /** Runs in the default build. */
  static final int RUNS = Integer.getInteger("fuzz.runs", 300);
  /** Runs in the slow test. */
  static final int SLOW_RUNS = 20_000;

  private static final List<String> KEYS = List.of("solver.lambda", "solver.maxIter", "solver.autoRho.period",
      "dictionary.size", "dictionary.bThetas", "dictionary", "solver", "seed", "metrics", "solvr.lambda",
      "solver.lamda", "name", "variants", "solver..lambda", "metrics[0]", "metrics[3].type", "images.size");
  private static final List<String> VALUES = List.of("0.1", "0.2", "-1", "3", "7", "1.5", "0", "null", "''",
      "x", "[0.1]", "[0.1, 0.2]", "[]", "{type: toy-solver}", "{type: toy-gabor}", "{type: toy-kernels, size: 5}",
      "{type: nope}", ".nan", "1e400", "{}", "true");

  private static final AtomicInteger LOADED = new AtomicInteger();
  private static final AtomicInteger REFUSED = new AtomicInteger();

  @AfterAll
  static void printTheOutcomes() {
    // for the record: how many blocks loaded and how many were refused
    System.out.println("sweep fuzz: " + LOADED + " loaded, " + REFUSED + " refused with a ConfigError");
  }

  @TestFactory
  Stream<DynamicTest> randomSweepsFailOnlyWithLocatedConfigErrorsOrGiveTheProductOfTheAxes() {
    return IntStream.range(0, RUNS).mapToObj(i -> {
      long seed = BASE_SEED + i;
      return DynamicTest.dynamicTest("seed " + seed, () -> check(seed));
    });
  }

  @Test
  @Tag("slow")
  void manyMoreRandomSweeps() throws IOException {
    for (int i = 0; i < SLOW_RUNS; i++) {
      check(BASE_SEED + i);
    }
  }

  private void check(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder("solver: { type: toy-solver }\n");
    boolean variants = random.nextInt(4) == 0;
    if (variants) {
      text.append("variants: { a: {}, b: { dictionary: { size: 9 } } }\n");
    }
    text.append("sweep:\n");
    int axes = random.nextInt(4);
    for (int a = 0; a < axes; a++) {
      int kind = random.nextInt(10);
      if (kind == 0) {
        text.append("  zip: { ").append(key(random)).append(": ").append(list(random)).append(", ")
            .append(key(random)).append(": ").append(list(random)).append(" }\n");
      } else if (kind == 1) {
        text.append("  ").append(key(random)).append(": { ").append(random.nextBoolean() ? "linspace" : "logspace")
            .append(": [").append(number(random)).append(", ").append(number(random)).append(", ")
            .append(number(random)).append("] }\n");
      } else if (kind == 2) {
        text.append("  ").append(key(random)).append(": ").append(VALUES.get(random.nextInt(VALUES.size())))
            .append('\n');
      } else {
        text.append("  ").append(key(random)).append(": ").append(list(random)).append('\n');
      }
    }
    if (axes == 0 || random.nextInt(3) == 0) {
      text.append("  seeds: ").append(random.nextInt(5) == 0 ? VALUES.get(random.nextInt(VALUES.size()))
          : String.valueOf(1 + random.nextInt(3))).append('\n');
    }
    List<String> sets = random.nextInt(4) == 0 ? List.of(key(random) + "=" + VALUES.get(random.nextInt(
        VALUES.size()))) : List.of();
    Path file = write("fuzz-" + seed + ".yaml", text.toString());
    ExperimentPlan plan;
    try {
      plan = loader.load(file, sets);
    } catch (ConfigError e) {
      assertThat(e.getMessage()).as("seed %d: the message for%n%s", seed, text).isNotBlank()
          .satisfiesAnyOf(m -> assertThat(m).startsWith(file.toString()), m -> assertThat(m).startsWith("--set"));
      REFUSED.incrementAndGet();
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("seed " + seed + ": " + e + " on\n" + text + " with " + sets, e);
    }
    LOADED.incrementAndGet();
    Sweep sweep = plan.sweep().orElseThrow();
    long expected = (variants ? 2 : 1) * Math.max(1, sweep.seeds());
    for (SweepAxis a : sweep.axes()) {
      expected *= a.size();
    }
    assertThat(sweep.cells()).as("seed %d: the cells of%n%s", seed, text).hasSize((int) expected);
    Set<String> identities = new HashSet<>();
    for (SweepCell c : sweep.cells()) {
      assertThat(c.hash()).as("seed %d", seed).isEqualTo(Json.sha256(c.config().resolved()));
      assertThat(identities.add(c.variant() + "/" + c.seed() + "/" + c.name())).as("seed %d: %s unique", seed,
          c.name()).isTrue();
    }
  }

  private static String key(SplittableRandom random) {
    return KEYS.get(random.nextInt(KEYS.size()));
  }

  private static String number(SplittableRandom random) {
    return List.of("-3", "-2", "0", "1", "2.5", "3", "0.1", "400", "-400", "x", "20000", "null")
        .get(random.nextInt(12));
  }

  private static String list(SplittableRandom random) {
    int n = random.nextInt(4);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(VALUES.get(random.nextInt(VALUES.size())));
    }
    return "[" + String.join(", ", items) + "]";
  }
}
