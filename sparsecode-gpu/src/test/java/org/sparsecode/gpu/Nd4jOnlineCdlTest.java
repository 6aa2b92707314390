package org.sparsecode.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.plugin.SettingsBinder;
import org.sparsecode.learning.online.OnlineCdl;
import org.sparsecode.learning.online.OnlineCdlPlugin;
import org.sparsecode.learning.online.OnlineCdlSettings;

/**
 * Online CDL with an {@code nd4j-cbpdn-admm} solver block, created by the plugin as a run creates it: the
 * dictionary step is found on ND4J (no key asks for it), and in float32 the learner follows the core learner in
 * float64 (the flat keys' default {@code cbpdn-admm}): its objective trace within {@value #TRACE_TOLERANCE}
 * relative step by step (the bound the ND4J solvers are held to), its dictionary within {@value
 * #DICTIONARY_TOLERANCE} relative in ℓ2. Measured on this problem: 2.1e-6 and 9.4e-6.
 * Four steps, minibatch 2, 16 Gabor kernels of 8×8 on 32×32 patches.
 */
class Nd4jOnlineCdlTest {
  static final double TRACE_TOLERANCE = 1e-3;
  static final double DICTIONARY_TOLERANCE = 1e-3;
  private static final PluginContext CONTEXT = new PluginContext(3L, Precision.FLOAT64, 1, Path.of(""));

  private static ImageSource source() {
    return ImageSource.of(TestProblems.three(32));
  }

  /** The paper's learning keys at a small size: as flat keys, or as a solver block of the given type. */
  private static Map<String, Object> learning(String solverType) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("steps", 4);
    m.put("imageOrder", "sequential");
    m.put("minibatch", 2);
    m.put("checkpointEvery", 0);
    m.put("etaA", 100.0);
    m.put("etaB", 100.0);
    Map<String, Object> coding = new LinkedHashMap<>();
    coding.put("lambda", 0.05);
    coding.put("rho", 10.0);
    coding.put("maxIterations", 40);
    coding.put("relStopTol", 1e-3);
    coding.put("relaxation", 1.8);
    if (solverType == null) {
      m.putAll(coding);
    } else {
      Map<String, Object> block = new LinkedHashMap<>();
      block.put("type", solverType);
      block.putAll(coding);
      block.put("autoRho", Map.of("enabled", false));
      if (solverType.startsWith("nd4j-")) {
        block.put("batch", 2);
      }
      m.put("solver", block);
      m.put("warmStart", false);
    }
    return m;
  }

  private static OnlineCdl learner(String solverType) {
    return (OnlineCdl) new OnlineCdlPlugin().create(SettingsBinder.bind(OnlineCdlSettings.class,
        learning(solverType)), CONTEXT);
  }

  @Test
  void anNd4jSolverBlockBringsTheNd4jDictionaryStepWithNoOtherKey() {
    OnlineCdl l = learner("nd4j-cbpdn-admm");
    assertThat(l.dictionaryGradient().describe()).containsEntry("backend", "nd4j cpu")
        .containsEntry("dtype", "float32");
  }

  @Test
  void aCoreSolverBlockKeepsTheCpuDictionaryStep() {
    assertThat(learner("cbpdn-admm").dictionaryGradient().describe()).containsEntry("backend", "cpu");
    assertThat(learner(null).dictionaryGradient().describe()).containsEntry("backend", "cpu");
  }

  @Test
  void float32LearningOnNd4jFollowsTheCoreFloat64LearnerStepByStep() {
    Dictionary initial = TestProblems.gabor(16, 8);
    List<Double> core = new ArrayList<>();
    Dictionary expected = learner(null).learn(initial, source(), (j, n, o) -> core.add(o));
    List<Double> nd4j = new ArrayList<>();
    Dictionary got = learner("nd4j-cbpdn-admm").learn(initial, source(), (j, n, o) -> nd4j.add(o));
    assertThat(nd4j).hasSameSizeAs(core);
    double worst = 0;
    for (int j = 0; j < core.size(); j++) {
      worst = Math.max(worst, Math.abs(nd4j.get(j) - core.get(j)) / Math.abs(core.get(j)));
    }
    assertThat(worst).as("worst relative objective difference (core %s, nd4j %s)", core, nd4j)
        .isLessThan(TRACE_TOLERANCE);
    double num = 0;
    double den = 0;
    for (int i = 0; i < got.kernels().length; i++) {
      double e = got.kernels()[i] - expected.kernels()[i];
      num += e * e;
      den += expected.kernels()[i] * expected.kernels()[i];
    }
    assertThat(Math.sqrt(num / den)).as("relative dictionary difference (objectives %s)", worst)
        .isLessThan(DICTIONARY_TOLERANCE);
    // the dictionary moved: the check is not of the initial dictionary against itself
    double moved = 0;
    for (int i = 0; i < got.kernels().length; i++) {
      moved += Math.abs(expected.kernels()[i] - OnlineCdl.project(initial, false).kernels()[i]);
    }
    assertThat(moved).isGreaterThan(1e-3);
  }
}
