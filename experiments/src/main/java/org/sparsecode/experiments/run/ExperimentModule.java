package org.sparsecode.experiments.run;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.spi.Message;
import com.google.inject.util.Modules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.PluginChoice;
import org.sparsecode.experiments.results.RunDirectory;

/**
 * The Guice module of one {@link ExperimentConfig}: binds each role to the configured plugin instance
 * ({@link ImageSource}, {@link KernelGenerator}, {@code Optional<SparseSolver>}, {@code
 * Optional<DictionaryLearner>}, the {@link NamedMetric} list) and the services a run shares: the {@link
 * PluginContext}, a seeded {@link SplittableRandom} (a fresh stream from the configuration's seed at each
 * injection: no global randomness), the worker {@link ExecutorService}, the output store ({@link
 * RunDirectory}) and the {@link ProgressReporter}. Plugins are created once per injector, lazily.
 */
public final class ExperimentModule extends AbstractModule {
  private final ExperimentConfig config;
  private final PluginContext context;
  private final RunDirectory directory;
  private final ProgressReporter progress;
  private final RunOptions options;

  /**
   * Creates the module.
   *
   * @param config the experiment
   * @param options threads and progress
   * @param directory where the run writes
   */
  public ExperimentModule(ExperimentConfig config, RunOptions options, RunDirectory directory) {
    this.config = Objects.requireNonNull(config, "config");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.progress = options.progress();
    this.options = options;
    this.context = new PluginContext(config.seed(), config.precision(),
        options.threads() != null ? options.threads() : config.threads(),
        config.baseDirectory() == null ? java.nio.file.Path.of("") : config.baseDirectory());
  }

  /**
   * Builds the injector of a configuration and returns its run engine, creating every plugin now so that a
   * configuration problem surfaces before any work.
   *
   * @param config the experiment
   * @param options threads and progress
   * @param directory where the run writes
   * @return the engine
   * @throws org.sparsecode.api.SparsecodeException a plugin's own error, unwrapped from Guice's
   */
  public static RunEngine engine(ExperimentConfig config, RunOptions options, RunDirectory directory) {
    return engine(config, options, directory, null, null);
  }

  /**
   * As {@link #engine(ExperimentConfig, RunOptions, RunDirectory)}, with the dictionary and the images given
   * rather than made from the configuration (a unit of a run spread over machines: the dictionary made where
   * the run is driven, a block of the images).
   *
   * @param config the experiment
   * @param options threads and progress
   * @param directory where the run writes
   * @param dictionary the dictionary the generator gives, or {@code null} for the configured generator's
   * @param images the images, or {@code null} for the configured source
   * @return the engine
   * @throws org.sparsecode.api.SparsecodeException a plugin's own error, unwrapped from Guice's
   */
  public static RunEngine engine(ExperimentConfig config, RunOptions options, RunDirectory directory,
      Dictionary dictionary, ImageSource images) {
    Module module = new ExperimentModule(config, options, directory);
    if (dictionary != null || images != null) {
      module = Modules.override(module).with(b -> {
        if (dictionary != null) {
          b.bind(KernelGenerator.class).toInstance(() -> dictionary);
        }
        if (images != null) {
          b.bind(ImageSource.class).toInstance(images);
        }
      });
    }
    try {
      Injector injector = Guice.createInjector(module);
      return injector.getInstance(RunEngine.class);
    } catch (CreationException e) {
      throw unwrap(e.getErrorMessages(), e);
    } catch (ProvisionException e) {
      throw unwrap(e.getErrorMessages(), e);
    }
  }

  private static RuntimeException unwrap(java.util.Collection<Message> messages, RuntimeException e) {
    for (Message m : messages) {
      Throwable cause = m.getCause();
      while (cause instanceof ProvisionException p && p.getCause() != null) {
        cause = p.getCause();
      }
      if (cause instanceof RuntimeException r) {
        return r;
      }
    }
    return e;
  }

  @Override
  protected void configure() {
    bind(ExperimentConfig.class).toInstance(config);
    bind(PluginContext.class).toInstance(context);
    bind(RunDirectory.class).toInstance(directory);
    bind(ProgressReporter.class).toInstance(progress);
    bind(RunOptions.class).toInstance(options);
    OptionalBinder<SparseSolver> solver = OptionalBinder.newOptionalBinder(binder(), SparseSolver.class);
    if (config.solver() != null) {
      solver.setBinding().toProvider(() -> create(config.solver())).in(Singleton.class);
    }
    OptionalBinder<DictionaryLearner> learner = OptionalBinder.newOptionalBinder(binder(), DictionaryLearner.class);
    if (config.learning() != null) {
      learner.setBinding().toProvider(() -> create(config.learning())).in(Singleton.class);
    }
    bind(RunEngine.class);
  }

  @Provides
  @Singleton
  ImageSource images() {
    return create(config.images());
  }

  @Provides
  @Singleton
  KernelGenerator dictionary() {
    return create(config.dictionary());
  }

  @Provides
  @Singleton
  List<NamedMetric> metrics() {
    List<NamedMetric> out = new ArrayList<>();
    for (PluginChoice<Metric> choice : config.metrics()) {
      if (out.stream().noneMatch(m -> m.name().equals(choice.type()))) {
        out.add(new NamedMetric(choice.type(), create(choice)));
      }
    }
    return List.copyOf(out);
  }

  @Provides
  SplittableRandom random() {
    return new SplittableRandom(config.seed());
  }

  @Provides
  @Singleton
  ExecutorService executor() {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory daemons = r -> {
      Thread t = new Thread(r, "sparsecode-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    return Executors.newFixedThreadPool(context.threads(), daemons);
  }

  /**
   * Creates a plugin, naming its block in a creation-time configuration error (a missing file, say).
   */
  private <T> T create(PluginChoice<T> choice) {
    try {
      return choice.create(context);
    } catch (ConfigException e) {
      String where = config.variant() == null ? "" : "variant " + config.variant() + ": ";
      throw new ConfigError(where + choice.path() + "." + e.getMessage(), e);
    }
  }
}
