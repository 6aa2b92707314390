package org.sparsecode.experiments.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.fft.FftBackend;

/**
 * One fully resolved experiment: a YAML file after {@code --set} overrides, with one variant's overrides
 * applied, every plugin looked up and every settings record bound and validated.
 *
 * @param name the top-level {@code name:} (default: the file name without extension)
 * @param variant the variant's name, or {@code null} when the file has no {@code variants:}
 * @param seed the top-level {@code seed:} (default 0)
 * @param precision the top-level {@code precision:} (default float32)
 * @param images the {@code images:} block, or {@code null} in an experiment that encodes {@code data:}
 * @param dictionary the {@code dictionary:} block
 * @param learning the {@code learning:} block, or {@code null}
 * @param solver the {@code solver:} block, or {@code null} when only learning runs
 * @param metrics the {@code metrics:} list (default {@code [psnr, sparseness]})
 * @param resolved the configuration with every default filled in, as plain maps/lists/scalars (canonical
 *     form: hashed into {@code configSha256} and written to the run directory)
 * @param baseDirectory the YAML file's directory, against which relative paths resolve
 * @param threads the top-level {@code threads:} (default: the available processors), at least 1
 * @param description the top-level {@code description:}, or {@code null}
 * @param data the {@code data:} block (a labelled set to encode), or {@code null}
 * @param encoding the {@code encoding:} block, defaults filled in, when {@code data} is given; else {@code null}
 */
public record ExperimentConfig(String name, String variant, long seed, Precision precision,
    PluginChoice<ImageSource> images, PluginChoice<KernelGenerator> dictionary,
    PluginChoice<DictionaryLearner> learning, PluginChoice<SparseSolver> solver,
    List<PluginChoice<Metric>> metrics, Map<String, Object> resolved, Path baseDirectory, int threads,
    String description, PluginChoice<LabelledData> data, EncodingSettings encoding) {

  /**
   * An experiment that codes images (no {@code data:} block).
   *
   * @param name the experiment's name
   * @param variant the variant's name, or {@code null}
   * @param seed the top-level seed
   * @param precision the arithmetic
   * @param images the images block
   * @param dictionary the dictionary block
   * @param learning the learning block, or {@code null}
   * @param solver the solver block, or {@code null}
   * @param metrics the metrics
   * @param resolved the canonical resolved configuration
   * @param baseDirectory the YAML file's directory
   * @param threads the threads, at least 1
   * @param description the description, or {@code null}
   */
  public ExperimentConfig(String name, String variant, long seed, Precision precision,
      PluginChoice<ImageSource> images, PluginChoice<KernelGenerator> dictionary,
      PluginChoice<DictionaryLearner> learning, PluginChoice<SparseSolver> solver,
      List<PluginChoice<Metric>> metrics, Map<String, Object> resolved, Path baseDirectory, int threads,
      String description) {
    this(name, variant, seed, precision, images, dictionary, learning, solver, metrics, resolved, baseDirectory,
        threads, description, null, null);
  }

  /**
   * An experiment with the default thread count (the available processors) and no description.
   *
   * @param name the experiment's name
   * @param variant the variant's name, or {@code null}
   * @param seed the top-level seed
   * @param precision the arithmetic
   * @param images the images block
   * @param dictionary the dictionary block
   * @param learning the learning block, or {@code null}
   * @param solver the solver block, or {@code null}
   * @param metrics the metrics
   * @param resolved the canonical resolved configuration
   * @param baseDirectory the YAML file's directory
   */
  public ExperimentConfig(String name, String variant, long seed, Precision precision,
      PluginChoice<ImageSource> images, PluginChoice<KernelGenerator> dictionary,
      PluginChoice<DictionaryLearner> learning, PluginChoice<SparseSolver> solver,
      List<PluginChoice<Metric>> metrics, Map<String, Object> resolved, Path baseDirectory) {
    this(name, variant, seed, precision, images, dictionary, learning, solver, metrics, resolved, baseDirectory,
        Runtime.getRuntime().availableProcessors(), null);
  }

  /**
   * The FFT engine the run uses: the top-level {@code fft:} as resolved when the file was loaded ({@code auto}
   * became {@code fftw} or {@code jtransforms}), kept in {@link #resolved()}.
   *
   * @return the engine; {@link FftBackend#AUTO} for a configuration built without one
   */
  public FftBackend fft() {
    return resolved != null && resolved.get("fft") instanceof String s ? FftBackend.parse(s) : FftBackend.AUTO;
  }

  /**
   * Whether this experiment encodes a labelled set ({@code data:}) rather than codes images.
   *
   * @return {@code data() != null}
   */
  public boolean encodes() {
    return data != null;
  }

  /**
   * Whether this experiment trains a network on its labelled set ({@code network:}): the downstream module runs
   * it.
   *
   * @return {@code true} when the resolved configuration has a {@code network} block
   */
  public boolean trains() {
    return resolved != null && resolved.get("network") instanceof Map<?, ?>;
  }

  /**
   * The {@code network:} block, defaults filled in.
   *
   * @return the settings, or {@code null} when the experiment does not train
   */
  public NetworkSettings network() {
    return trains() ? Networks.bind(NetworkSettings.class, resolved.get("network")) : null;
  }

  /**
   * The {@code training:} block, defaults filled in.
   *
   * @return the settings, or {@code null} when the experiment does not train
   */
  public TrainingSettings training() {
    return trains() ? Networks.bind(TrainingSettings.class, resolved.get("training")) : null;
  }

  /**
   * The services shared by this experiment's plugins.
   *
   * @return a context with this experiment's seed, precision, threads and base directory
   */
  public PluginContext context() {
    return new PluginContext(seed, precision, threads, baseDirectory);
  }
}
