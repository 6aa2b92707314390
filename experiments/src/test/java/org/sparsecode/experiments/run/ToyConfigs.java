package org.sparsecode.experiments.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.PluginChoice;

/**
 * Experiment configurations built in code from the test plugins (engine-test-images, -kernels, -solver),
 * so that engine tests do not depend on the YAML loader or on the real solvers.
 */
final class ToyConfigs {
  static final PluginRegistry REGISTRY = PluginRegistry.load();
  static final long SEED = 7;

  private ToyConfigs() {}

  /** A toy experiment with the given block settings (empty maps for defaults). */
  static ExperimentConfig config(String variant, Map<String, Object> images, Map<String, Object> kernels,
      Map<String, Object> solver) {
    return config(variant, images, kernels, null, solver);
  }

  /** A toy experiment with a learning block ({@code null} for none). */
  static ExperimentConfig config(String variant, Map<String, Object> images, Map<String, Object> kernels,
      Map<String, Object> learning, Map<String, Object> solver) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    resolved.put("name", "toy");
    resolved.put("seed", SEED);
    resolved.put("precision", "float64");
    PluginChoice<ImageSource> i = choice(ImageSource.class, "images", "engine-test-images", images, resolved);
    PluginChoice<KernelGenerator> d = choice(KernelGenerator.class, "dictionary", "engine-test-kernels", kernels,
        resolved);
    PluginChoice<DictionaryLearner> l = learning == null ? null
        : choice(DictionaryLearner.class, "learning", "engine-test-learner", learning, resolved);
    PluginChoice<SparseSolver> s = choice(SparseSolver.class, "solver", "engine-test-solver", solver, resolved);
    List<PluginChoice<Metric>> metrics = new ArrayList<>();
    List<Object> metricNames = new ArrayList<>();
    for (String m : List.of("psnr", "sparseness", "l0")) {
      Plugin<Metric> p = REGISTRY.find(Metric.class, m);
      metrics.add(new PluginChoice<>("metrics[" + metrics.size() + "]", p, SettingsBinder.bind(p.settings(),
          Map.of())));
      metricNames.add(m);
    }
    resolved.put("metrics", metricNames);
    return new ExperimentConfig("toy", variant, SEED, Precision.FLOAT64, i, d, l, s, metrics, resolved,
        Path.of("."), 1, null);
  }

  static ExperimentConfig config() {
    return config(null, Map.of(), Map.of(), Map.of());
  }

  static ExperimentPlan plan(ExperimentConfig... configs) {
    return new ExperimentPlan(Path.of("toy.yaml"), "toy", List.of(configs));
  }

  private static <T> PluginChoice<T> choice(Class<T> role, String path, String type, Map<String, Object> settings,
      Map<String, Object> resolved) {
    Plugin<T> p = REGISTRY.find(role, type);
    Record r = SettingsBinder.bind(p.settings(), settings);
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", type);
    block.putAll(SettingsBinder.toMap(r));
    resolved.put(path, block);
    return new PluginChoice<>(path, p, r);
  }

  /**
   * A toy experiment with {@code {type: resilience, cutoffs: [0, 0.05, 0.5]}} appended to its metrics (and to its
   * resolved configuration, as the loader would write it).
   */
  static ExperimentConfig withResilience(ExperimentConfig c) {
    Plugin<Metric> p = REGISTRY.find(Metric.class, "resilience");
    Record settings = SettingsBinder.bind(p.settings(), Map.of("cutoffs", List.of(0, 0.05, 0.5)));
    List<PluginChoice<Metric>> metrics = new ArrayList<>(c.metrics());
    metrics.add(new PluginChoice<>("metrics[" + metrics.size() + "]", p, settings));
    Map<String, Object> resolved = new LinkedHashMap<>(c.resolved());
    List<Object> names = new ArrayList<>((List<?>) resolved.get("metrics"));
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", "resilience");
    block.putAll(SettingsBinder.toMap(settings));
    names.add(block);
    resolved.put("metrics", names);
    return new ExperimentConfig(c.name(), c.variant(), c.seed(), c.precision(), c.images(), c.dictionary(),
        c.learning(), c.solver(), metrics, resolved, c.baseDirectory(), c.threads(), c.description());
  }
}
