package org.sparsecode.experiments.testplugins;

import org.sparsecode.api.Checks;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.learning.DictionaryLearner;

/**
 * A test learner for the run engine ({@code type: engine-test-learner}): runs {@code steps} steps of
 * objective {@code 1 / (step + 1)} and returns the initial kernels times 2.
 */
public final class EngineTestLearnerPlugin implements Plugin<DictionaryLearner> {

  /**
   * Settings.
   *
   * @param steps number of steps, default 3
   */
  public record Settings(Integer steps) {
    /** Defaults and checks. */
    public Settings {
      steps = Checks.atLeast("steps", steps == null ? 3 : steps, 1);
    }
  }

  @Override
  public String name() {
    return "engine-test-learner";
  }

  @Override
  public Class<DictionaryLearner> role() {
    return DictionaryLearner.class;
  }

  @Override
  public Class<? extends Record> settings() {
    return Settings.class;
  }

  @Override
  public DictionaryLearner create(Record settings, PluginContext context) {
    int steps = ((Settings) settings).steps();
    return (initial, images, listener) -> {
      for (int i = 0; i < steps; i++) {
        listener.onStep(i, steps, 1.0 / (i + 1));
      }
      double[] k = initial.kernels().clone();
      for (int i = 0; i < k.length; i++) {
        k[i] *= 2;
      }
      return new Dictionary(initial.size(), initial.count(), k, initial.info());
    };
  }
}
