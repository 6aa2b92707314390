package org.sparsecode.experiments.config;

import java.util.List;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.api.solver.SparseSolver;

/**
 * Plugins that only carry settings, registered through this module's test-scope
 * {@code META-INF/services/org.sparsecode.api.Plugin} so that loader tests do not depend on the real
 * plugins. Names start with {@code toy-} so they never clash with real ones on the test class path.
 */
final class ToyPlugins {
  private ToyPlugins() {}

  /** Settings of {@code toy-images}. */
  record ImagesSettings(Integer size, String path) {
    ImagesSettings {
      size = Checks.atLeast("size", size == null ? 64 : size, 8);
    }
  }

  /** {@code toy-images}: no images. */
  public static final class Images implements Plugin<ImageSource> {
    @Override
    public String name() {
      return "toy-images";
    }

    @Override
    public Class<ImageSource> role() {
      return ImageSource.class;
    }

    @Override
    public Class<? extends Record> settings() {
      return ImagesSettings.class;
    }

    @Override
    public ImageSource create(Record settings, PluginContext context) {
      return ImageSource.of(List.of());
    }

    @Override
    public String description() {
      return "no images at all";
    }
  }

  /** Settings of {@code toy-kernels}: a preset that explicit keys override, and a free-form value. */
  record KernelSettings(String preset, Integer size, Integer thetas, Object bThetas) {
    KernelSettings {
      if (preset != null && !List.of("thin", "full").contains(preset)) {
        throw new ConfigException("preset", "must be thin or full, got '" + preset + "'");
      }
      size = Checks.atLeast("size", size == null ? 12 : size, 3);
      thetas = Checks.atLeast("thetas", thetas == null ? ("full".equals(preset) ? 24 : 12) : thetas, 1);
    }
  }

  /** {@code toy-kernels}. */
  public static final class Kernels implements Plugin<KernelGenerator> {
    @Override
    public String name() {
      return "toy-kernels";
    }

    @Override
    public Class<KernelGenerator> role() {
      return KernelGenerator.class;
    }

    @Override
    public Class<? extends Record> settings() {
      return KernelSettings.class;
    }

    @Override
    public KernelGenerator create(Record settings, PluginContext context) {
      return () -> {
        throw new UnsupportedOperationException("toy");
      };
    }
  }

  /** Settings of {@code toy-gabor}: nothing in common with {@code toy-kernels}. */
  record GaborSettings(Double frequency) {
    GaborSettings {
      frequency = Checks.positive("frequency", frequency == null ? 0.25 : frequency);
    }
  }

  /** {@code toy-gabor}. */
  public static final class Gabor implements Plugin<KernelGenerator> {
    @Override
    public String name() {
      return "toy-gabor";
    }

    @Override
    public Class<KernelGenerator> role() {
      return KernelGenerator.class;
    }

    @Override
    public Class<? extends Record> settings() {
      return GaborSettings.class;
    }

    @Override
    public KernelGenerator create(Record settings, PluginContext context) {
      return () -> {
        throw new UnsupportedOperationException("toy");
      };
    }
  }

  /** The nested block of {@code toy-solver}. */
  record AutoRho(Boolean enabled, Integer period) {
    AutoRho {
      enabled = enabled == null || enabled;
      period = Checks.atLeast("period", period == null ? 10 : period, 1);
    }
  }

  /** Settings of {@code toy-solver}, shaped like the real ADMM solver's. */
  record SolverSettings(Double lambda, Integer maxIter, AutoRho autoRho) {
    SolverSettings {
      lambda = Checks.positive("lambda", lambda == null ? 0.01 : lambda);
      maxIter = Checks.atLeast("maxIter", maxIter == null ? 100 : maxIter, 1);
      autoRho = autoRho == null ? new AutoRho(null, null) : autoRho;
    }
  }

  /** {@code toy-solver}. */
  public static final class Solver implements Plugin<SparseSolver> {
    @Override
    public String name() {
      return "toy-solver";
    }

    @Override
    public Class<SparseSolver> role() {
      return SparseSolver.class;
    }

    @Override
    public Class<? extends Record> settings() {
      return SolverSettings.class;
    }

    @Override
    public SparseSolver create(Record settings, PluginContext context) {
      return (d, s, l) -> {
        throw new UnsupportedOperationException("toy");
      };
    }
  }

  /** Settings of {@code toy-learner}: {@code steps} is required. */
  record LearnerSettings(Integer steps, Double rate) {
    LearnerSettings {
      steps = Checks.atLeast("steps", Checks.required("steps", steps), 1);
      rate = rate == null ? 0.1 : rate;
    }
  }

  /** {@code toy-learner}. */
  public static final class Learner implements Plugin<DictionaryLearner> {
    @Override
    public String name() {
      return "toy-learner";
    }

    @Override
    public Class<DictionaryLearner> role() {
      return DictionaryLearner.class;
    }

    @Override
    public Class<? extends Record> settings() {
      return LearnerSettings.class;
    }

    @Override
    public DictionaryLearner create(Record settings, PluginContext context) {
      return (d, images, l) -> d;
    }
  }

  /** Settings of {@code toy-metric}. */
  record MetricSettings(List<Double> cutoffs) {
    MetricSettings {
      cutoffs = cutoffs == null ? List.of(0.5) : List.copyOf(cutoffs);
    }
  }

  /** A metric plugin of a given name (registered as {@code toy-metric} and {@code toy-count}). */
  public static class NamedMetric implements Plugin<Metric> {
    private final String name;

    NamedMetric(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Class<Metric> role() {
      return Metric.class;
    }

    @Override
    public Class<? extends Record> settings() {
      return MetricSettings.class;
    }

    @Override
    public Metric create(Record settings, PluginContext context) {
      return e -> 0.0;
    }
  }

  /** {@code toy-metric}. */
  public static final class ToyMetric extends NamedMetric {
    /** Creates it. */
    public ToyMetric() {
      super("toy-metric");
    }
  }

  /** {@code toy-count}. */
  public static final class ToyCount extends NamedMetric {
    /** Creates it. */
    public ToyCount() {
      super("toy-count");
    }
  }
}
