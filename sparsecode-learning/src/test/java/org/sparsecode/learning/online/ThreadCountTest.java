package org.sparsecode.learning.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.learning.batch.BatchCdl;
import org.sparsecode.learning.batch.BatchCdlSettings;

/**
 * The learners give bit-identical dictionaries and objectives on 1, 2, 3 and 16 threads: the coding and
 * dictionary steps sum over blocks the problem defines, never over the blocks of a worker.
 */
class ThreadCountTest {
  private static final int[] THREADS = {1, 2, 3, 16};

  private static Dictionary initial() {
    return PlantedDictionaryTest.windowedAtoms(new SplittableRandom(9), 8, 8);
  }

  private record Learned(double[] kernels, List<Double> objective) {}

  private static Learned online(int threads) {
    OnlineCdl learner = new OnlineCdl(new OnlineCdlSettings(4, 1e-2, null, null, null, null, null, 15, null, null,
        "random", null, 0, 32, null, null), new PluginContext(5L, Precision.FLOAT32, threads, Path.of("")));
    List<Double> objective = new ArrayList<>();
    ImageSource images = LearningFixtures.fixtureImages();
    Dictionary d = learner.learn(initial(), images, (j, n, o) -> objective.add(o));
    return new Learned(d.kernels(), objective);
  }

  private static Learned batch(int threads) {
    BatchCdl learner = new BatchCdl(new BatchCdlSettings(2, 1e-2, 5, 5, null, null, true), Precision.FLOAT64,
        threads);
    List<Double> objective = new ArrayList<>();
    Dictionary d = learner.learn(initial(), LearningFixtures.fixtureImages(), (j, n, o) -> objective.add(o));
    return new Learned(d.kernels(), objective);
  }

  @Test
  void onlineCdlLearnsTheSameDictionaryOnEveryThreadCount() {
    Learned reference = online(1);
    for (int threads : THREADS) {
      Learned got = online(threads);
      assertThat(got.kernels()).as("kernels on %d threads", threads).isEqualTo(reference.kernels());
      assertThat(got.objective()).as("objective on %d threads", threads).isEqualTo(reference.objective());
    }
  }

  @Test
  void batchCdlLearnsTheSameDictionaryOnEveryThreadCount() {
    Learned reference = batch(1);
    for (int threads : THREADS) {
      Learned got = batch(threads);
      assertThat(got.kernels()).as("kernels on %d threads", threads).isEqualTo(reference.kernels());
      assertThat(got.objective()).as("objective on %d threads", threads).isEqualTo(reference.objective());
    }
  }
}
