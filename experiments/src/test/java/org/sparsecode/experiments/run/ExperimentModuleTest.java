package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.experiments.results.RunDirectory;

class ExperimentModuleTest {
  private final Injector injector = Guice.createInjector(new ExperimentModule(ToyConfigs.config(),
      new RunOptions(3, false, ProgressReporter.NONE), new RunDirectory(Path.of("unused"))));

  @Test
  void theContextCarriesTheSeedPrecisionAndThreads() {
    PluginContext c = injector.getInstance(PluginContext.class);
    assertThat(c.seed()).isEqualTo(ToyConfigs.SEED);
    assertThat(c.threads()).isEqualTo(3);
  }

  @Test
  void everyRandomStreamStartsFromTheConfiguredSeed() {
    long expected = new SplittableRandom(ToyConfigs.SEED).nextLong();
    assertThat(injector.getInstance(SplittableRandom.class).nextLong()).isEqualTo(expected);
    assertThat(injector.getInstance(SplittableRandom.class).nextLong()).isEqualTo(expected);
  }

  @Test
  void rolesAreBoundToTheConfiguredPlugins() {
    Optional<SparseSolver> solver = injector.getInstance(Key.get(new TypeLiteral<Optional<SparseSolver>>() { }));
    assertThat(solver).isPresent();
    assertThat(solver.get().lambda()).isEqualTo(0.1);
    assertThat(injector.getInstance(Key.get(new TypeLiteral<Optional<DictionaryLearner>>() { }))).isEmpty();
    List<NamedMetric> metrics = injector.getInstance(Key.get(new TypeLiteral<List<NamedMetric>>() { }));
    assertThat(metrics).extracting(NamedMetric::name).containsExactly("psnr", "sparseness", "l0");
  }

  @Test
  void pluginsAreSingletonsPerInjector() {
    assertThat(injector.getInstance(RunEngine.class).images())
        .isSameAs(injector.getInstance(RunEngine.class).images());
  }
}
