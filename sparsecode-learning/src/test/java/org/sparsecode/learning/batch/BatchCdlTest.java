package org.sparsecode.learning.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.learning.LearnListener;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.learning.Planted;

class BatchCdlTest {

  private static BatchCdl learner(int outer, double lambda, boolean zeroMean) {
    return new BatchCdl(new BatchCdlSettings(outer, lambda, 10, 10, null, null, zeroMean), Precision.FLOAT64, 2);
  }

  @Test
  void objectiveDoesNotIncreaseAcrossOuterIterations() {
    Dictionary truth = Planted.atoms(6, 4, 1, 1.5);
    List<Image> images = Planted.images(truth, 2, 32, 0.01, 2);
    List<Double> objective = new ArrayList<>();
    learner(15, 0.05, false).learn(Planted.atoms(6, 6, 99, 1e9), ImageSource.of(images),
        (step, total, value) -> objective.add(value));
    assertThat(objective).hasSize(15);
    for (int t = 1; t < objective.size(); t++) {
      assertThat(objective.get(t)).as("objective at outer iteration %d", t)
          .isLessThanOrEqualTo(objective.get(t - 1) * (1 + 1e-3));
    }
    assertThat(objective.get(objective.size() - 1)).isLessThan(0.9 * objective.get(0));
  }

  @Test
  void atomsStayUnitNormAndZeroMeanWhenAsked() {
    Dictionary truth = Planted.atoms(6, 4, 1, 1.5);
    List<Image> images = Planted.images(truth, 2, 32, 0.01, 2);
    Dictionary learned = learner(3, 0.05, true).learn(Planted.atoms(6, 6, 99, 1e9), ImageSource.of(images),
        LearnListener.NONE);
    assertThat(learned.size()).isEqualTo(6);
    assertThat(learned.count()).isEqualTo(6);
    for (int k = 0; k < learned.count(); k++) {
      assertThat(learned.norm(k)).as("norm of atom %d", k).isCloseTo(1.0, Offset.offset(1e-12));
      double sum = 0;
      for (double v : learned.kernel(k)) {
        sum += v;
      }
      assertThat(sum).as("sum of atom %d", k).isCloseTo(0.0, Offset.offset(1e-12));
    }
  }

  @Test
  void float32CodingAlsoLowersTheObjective() {
    Dictionary truth = Planted.atoms(6, 4, 1, 1.5);
    List<Image> images = Planted.images(truth, 2, 32, 0.01, 2);
    List<Double> objective = new ArrayList<>();
    new BatchCdl(new BatchCdlSettings(10, 0.05, 10, 10, null, null, false), Precision.FLOAT32, 1)
        .learn(Planted.atoms(6, 6, 99, 1e9), ImageSource.of(images), (step, total, value) -> objective.add(value));
    assertThat(objective.get(9)).isLessThan(0.9 * objective.get(0));
  }

  @Test
  void initialDictionaryIsNotModified() {
    Dictionary initial = Planted.atoms(6, 6, 99, 1e9);
    double[] before = initial.kernels().clone();
    List<Image> images = Planted.images(Planted.atoms(6, 4, 1, 1.5), 1, 32, 0.01, 2);
    learner(2, 0.05, false).learn(initial, ImageSource.of(images), LearnListener.NONE);
    assertThat(initial.kernels()).containsExactly(before);
  }

  @Test
  void imagesOfDifferentSizesAreRejected() {
    Dictionary truth = Planted.atoms(6, 4, 1, 1.5);
    List<Image> images = List.of(Planted.images(truth, 1, 32, 0.01, 2).get(0),
        Planted.images(truth, 1, 24, 0.01, 3).get(0));
    assertThatThrownBy(() -> learner(2, 0.05, false).learn(truth, ImageSource.of(images), LearnListener.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one size");
  }

  @Test
  void pluginIsRegisteredAsBatchCdl() {
    var plugin = PluginRegistry.load().find(DictionaryLearner.class, "batch-cdl");
    assertThat(plugin.create(BatchCdlSettings.defaults(), PluginContext.defaults(Precision.FLOAT64)))
        .isInstanceOf(BatchCdl.class);
  }

  /**
   * Four windowed random atoms, 3 images of 32x32 with 1% non-zeros, learned from 6 noise atoms in 100 outer
   * iterations: measured best |cosine| 0.978, 0.978, 0.99994, 0.9998 (float64, 2 threads; the same to 1e-3 with
   * cold and warm-started CBPDN).
   */
  @Test
  void plantedAtomsAreRecovered() {
    Dictionary truth = Planted.atoms(6, 4, 1, 1.5);
    List<Image> images = Planted.images(truth, 3, 32, 0.01, 2);
    Dictionary learned = learner(100, 0.05, false).learn(Planted.atoms(6, 6, 99, 1e9), ImageSource.of(images),
        (step, total, value) -> { });
    double[] best = Planted.bestMatches(truth, learned);
    for (int k = 0; k < best.length; k++) {
      assertThat(best[k]).as("best |cosine| of true atom %d", k).isGreaterThanOrEqualTo(0.9);
    }
  }
}
