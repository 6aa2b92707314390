package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.core.plugin.SettingsBinder;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.PluginChoice;
import org.sparsecode.experiments.results.RunDirectory;

class CodeStatisticsRunTest {
  @TempDir
  Path tmp;

  /** The toy experiment with the {@code coefficient-histogram} and {@code orientation-activity} metrics. */
  private static ExperimentConfig withCoefficientMetrics() {
    ExperimentConfig c = ToyConfigs.config();
    List<PluginChoice<Metric>> metrics = new ArrayList<>(c.metrics());
    Map<String, Object> resolved = new LinkedHashMap<>(c.resolved());
    List<Object> names = new ArrayList<>((List<?>) resolved.get("metrics"));
    for (String name : List.of("coefficient-histogram", "orientation-activity")) {
      Plugin<Metric> p = ToyConfigs.REGISTRY.find(Metric.class, name);
      Record settings = SettingsBinder.bind(p.settings(), Map.of());
      metrics.add(new PluginChoice<>("metrics[" + metrics.size() + "]", p, settings));
      Map<String, Object> block = new LinkedHashMap<>();
      block.put("type", name);
      block.putAll(SettingsBinder.toMap(settings));
      names.add(block);
    }
    resolved.put("metrics", names);
    return new ExperimentConfig(c.name(), c.variant(), c.seed(), c.precision(), c.images(), c.dictionary(),
        c.learning(), c.solver(), metrics, resolved, c.baseDirectory(), c.threads(), c.description());
  }

  @Test
  void aRunListingTheCoefficientMetricsWritesThePooledStatisticsAndFitColumns() throws IOException {
    Path dir = tmp.resolve("out");
    new PlanRunner(ToyConfigs.plan(withCoefficientMetrics()), RunOptions.defaults()).run(dir);
    assertThat(dir.resolve(CodeStatistics.JSON)).isRegularFile();
    assertThat(dir.resolve(CodeStatistics.HISTOGRAM_CSV)).isRegularFile();
    assertThat(dir.resolve(CodeStatistics.HISTOGRAM_PNG)).isRegularFile();
    assertThat(dir.resolve(CodeStatistics.PARTIAL)).doesNotExist();
    String header = Files.readAllLines(dir.resolve(RunDirectory.METRICS)).get(0);
    assertThat(header).contains("coefficient-histogram_fit_a,coefficient-histogram_fit_b,coefficient-histogram_fit_r2");
  }

  @Test
  void aRunWithoutThemWritesNoStatistics() throws IOException {
    Path dir = tmp.resolve("out");
    new PlanRunner(ToyConfigs.plan(ToyConfigs.config()), RunOptions.defaults()).run(dir);
    assertThat(dir.resolve(CodeStatistics.JSON)).doesNotExist();
    assertThat(dir.resolve(CodeStatistics.PARTIAL)).doesNotExist();
  }
}
