package org.sparsecode.learning.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.learning.TestFixtures;

/**
 * {@code online-cdl} against SPORCO's {@code OnlineConvBPDNDictLearn}: five steps on the 64×64 LCN images
 * camera, coffee, chelsea, rocket, camera from the (normalised) full log-Gabor dictionary, λ 1e-2, ρ 10,
 * η_j = 100 / (1000 + j), 300 CBPDN iterations (fixtures README §7). Tolerances are the README's suggested
 * ones: dictionaries 1e-9 absolute, statistics 1e-9 relative (Eta 1e-15, Rho exact), norms 1e-12.
 */
class OnlineCdlFixtureTest {
  private static final String[] COLUMNS = {"Iter", "ObjFun", "DFid", "RegL1", "PrimalRsdl", "DualRsdl", "Rho",
      "Cnstr", "DeltaD", "Eta"};
  private static OnlineCdl learner;
  private static final List<OnlineCdlStep> CHAINED = new ArrayList<>();

  @BeforeAll
  static void runFiveSteps() {
    learner = new OnlineCdl(new OnlineCdlSettings(5, null, null, null, null, null, null, null, null, null,
        "sequential", null, 0, null, null, null), new PluginContext(0L, Precision.FLOAT64, 2, Path.of("")));
    ImageSource images = LearningFixtures.fixtureImages();
    Dictionary d = OnlineCdl.project(TestFixtures.dictionary("dict_full_D.npy"), false);
    for (int j = 0; j < 5; j++) {
      OnlineCdlStep s = learner.step(d, learner.draw(images, j), j);
      CHAINED.add(s);
      d = s.dictionary();
    }
  }

  @Test
  void dictionaryAfterEveryChainedStepMatchesSporcoTo1e9() {
    for (int j = 0; j < 5; j++) {
      Dictionary expected = TestFixtures.dictionary("cdl64_full_step" + (j + 1) + "_D.npy");
      assertThat(CHAINED.get(j).dictionary().kernels()).as("D after step %d", j + 1)
          .containsExactly(expected.kernels(), within(1e-9));
    }
  }

  @Test
  void everyStepFromTheFixturesPreviousDictionaryMatchesSporcoTo1e9() {
    ImageSource images = LearningFixtures.fixtureImages();
    // Step 1 from D0 is the first chained step; steps 2..5 start from SPORCO's own previous dictionary.
    for (int j = 1; j < 5; j++) {
      Dictionary previous = TestFixtures.dictionary("cdl64_full_step" + j + "_D.npy");
      Dictionary expected = TestFixtures.dictionary("cdl64_full_step" + (j + 1) + "_D.npy");
      OnlineCdlStep s = learner.step(previous, learner.draw(images, j), j);
      assertThat(s.dictionary().kernels()).as("D after isolated step %d", j + 1)
          .containsExactly(expected.kernels(), within(1e-9));
    }
  }

  @Test
  void stepStatisticsMatchSporcosTableTo1e9Relative() {
    double[][] rows = LearningFixtures.stats();
    for (int j = 0; j < 5; j++) {
      OnlineCdlStep s = CHAINED.get(j);
      double[] got = {s.step(), s.objective(), s.dataFidelity(), s.regularization(), s.primalResidual(),
          s.dualResidual(), s.rho(), s.constraint(), s.deltaD(), s.eta()};
      for (int c = 0; c < COLUMNS.length; c++) {
        double tol = c == 9 ? 1e-15 : (c == 0 || c == 6 ? 0.0 : 1e-9 * Math.abs(rows[j][c]));
        assertThat(got[c]).as("step %d %s", j + 1, COLUMNS[c]).isCloseTo(rows[j][c], within(tol));
      }
    }
  }

  @Test
  void everyAtomHasUnitNormTo1e12AfterEveryStep() {
    for (OnlineCdlStep s : CHAINED) {
      for (int k = 0; k < s.dictionary().count(); k++) {
        assertThat(s.dictionary().norm(k)).isCloseTo(1.0, within(1e-12));
      }
    }
  }

  @Test
  void everyStepRunsTheFull300CbpdnIterations() {
    assertThat(CHAINED).extracting(OnlineCdlStep::iterations).containsOnly(300);
  }

  @Test
  void learnChainsTheSameStepsBitForBit() {
    OnlineCdl twoSteps = new OnlineCdl(new OnlineCdlSettings(2, null, null, null, null, null, null, null, null,
        null, "sequential", null, 0, null, null, null), new PluginContext(0L, Precision.FLOAT64, 2, Path.of("")));
    List<Double> objectives = new ArrayList<>();
    Dictionary learned = twoSteps.learn(TestFixtures.dictionary("dict_full_D.npy"),
        LearningFixtures.fixtureImages(), (step, total, objective) -> objectives.add(objective));
    assertThat(learned.kernels()).containsExactly(CHAINED.get(1).dictionary().kernels());
    assertThat(objectives).containsExactly(CHAINED.get(0).objective(), CHAINED.get(1).objective());
  }
}
