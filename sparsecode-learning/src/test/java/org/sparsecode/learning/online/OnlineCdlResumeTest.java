package org.sparsecode.learning.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.learning.LearnListener;
import org.sparsecode.learning.checkpoint.LearningCheckpoint;

/**
 * Checkpoints of {@code online-cdl}: an interrupted run resumed from its checkpoint ends with the same
 * dictionary, bit for bit, as an uninterrupted one; a checkpoint of another configuration is ignored. A small
 * configuration (8 atoms of 8×8, random 32×32 crops of the fixture images drawn at random, 20 CBPDN
 * iterations) keeps it fast.
 */
class OnlineCdlResumeTest {
  private static final int STEPS = 7;

  private static OnlineCdl learner(double lambda, int every) {
    return new OnlineCdl(new OnlineCdlSettings(STEPS, lambda, null, null, null, null, null, 20, null, null,
        "random", null, every, 32, null, null), new PluginContext(5L, Precision.FLOAT64, 1, Path.of("")));
  }

  private static Dictionary initial() {
    return PlantedDictionaryTest.windowedAtoms(new SplittableRandom(9), 8, 8);
  }

  @Test
  void interruptedThenResumedRunEndsWithTheSameDictionaryBitForBit(@TempDir Path dir) {
    ImageSource images = LearningFixtures.fixtureImages();
    List<Double> straight = new ArrayList<>();
    Dictionary expected = learner(1e-2, 2).learn(initial(), images, (j, n, o) -> straight.add(o));

    // Checkpoints after 2 and 4 steps; the listener kills the run after the 5th step (not checkpointed).
    assertThatThrownBy(() -> learner(1e-2, 2).checkpointingTo(dir).learn(initial(), images, (j, n, o) -> {
      if (j == 4) {
        throw new IllegalStateException("interrupted");
      }
    })).hasMessage("interrupted");
    assertThat(LearningCheckpoint.read(dir)).get().extracting(LearningCheckpoint::step).isEqualTo(4);

    List<Double> resumed = new ArrayList<>();
    Dictionary got = learner(1e-2, 2).checkpointingTo(dir).learn(initial(), images, (j, n, o) -> resumed.add(o));
    assertThat(got.kernels()).containsExactly(expected.kernels());
    assertThat(resumed).containsExactlyElementsOf(straight);
    assertThat(LearningCheckpoint.read(dir)).get().extracting(LearningCheckpoint::step).isEqualTo(STEPS);
  }

  @Test
  void checkpointOfAnotherConfigurationIsIgnored(@TempDir Path dir) {
    ImageSource images = LearningFixtures.fixtureImages();
    Dictionary expected = learner(1e-2, 0).learn(initial(), images, LearnListener.NONE);
    new LearningCheckpoint(3, initial(), new double[] {1, 2, 3}, "00".repeat(32)).write(dir);
    Dictionary got = learner(1e-2, 3).checkpointingTo(dir).learn(initial(), images, LearnListener.NONE);
    assertThat(got.kernels()).containsExactly(expected.kernels());
  }

  @Test
  void checkpointRoundTripsThroughItsFile(@TempDir Path dir) {
    LearningCheckpoint cp = new LearningCheckpoint(2, initial(), new double[] {4.5, 3.25}, "ab".repeat(32));
    cp.write(dir);
    assertThat(Files.exists(dir.resolve(LearningCheckpoint.FILE_NAME))).isTrue();
    assertThat(LearningCheckpoint.read(dir)).contains(cp);
  }

  @Test
  void imageDrawsDependOnlyOnSeedAndStep() {
    ImageSource images = LearningFixtures.fixtureImages();
    assertThat(learner(1e-2, 0).draw(images, 5)).isEqualTo(learner(0.5, 3).draw(images, 5));
  }
}
