package org.sparsecode.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.core.kernel.LogGaborPlugin;
import org.sparsecode.core.kernel.LogGaborSettings;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.Sweep;
import org.sparsecode.experiments.config.SweepCell;

/**
 * {@code experiments/sweeps/bandwidth-ablation.yaml}: the grid its comments describe, the kernel counts and
 * bandwidths of its dictionaries (generated here), each normalisation's λ range, and its quick-check
 * {@code --set}s.
 */
class BandwidthAblationFileTest {
  private static final Path FILE = Path.of("sweeps/bandwidth-ablation.yaml");
  /** The quick check of the file's header (and the shrunk copy CI runs). */
  static final List<String> QUICK = List.of("images.size=32", "images.names=[camera, coffee]",
      "solver.maxIterations=10", "dictionary.size=8");
  private static final double DEGREE = Math.PI / 180;
  private static final ConfigLoader LOADER = new ConfigLoader(PluginRegistry.load());

  private static Sweep sweep;
  /** Each variant's dictionary under each normalisation, generated once: variant → normalise → dictionary. */
  private static final Map<String, Map<String, Dictionary>> DICTIONARIES = new LinkedHashMap<>();

  @BeforeAll
  static void loadAndGenerate() {
    sweep = LOADER.load(FILE, List.of()).sweep().orElseThrow();
    for (SweepCell c : sweep.cells()) {
      DICTIONARIES.computeIfAbsent(c.variant(), v -> new LinkedHashMap<>()).computeIfAbsent(normalise(c),
          n -> c.config().dictionary().create(c.config().context()).generate());
    }
  }

  private static String normalise(SweepCell c) {
    return (String) c.values().get("dictionary.normalise");
  }

  private static double lambda(SweepCell c) {
    return ((Number) c.values().get("solver.lambda")).doubleValue();
  }

  @Test
  void theGridIsEightDictionariesTimesTwoNormalisationsTimesFiveLambdas() {
    assertThat(sweep.cells()).hasSize(80);
    assertThat(sweep.cells().stream().map(SweepCell::variant).distinct())
        .containsExactly("full", "full-no5", "b05", "b10", "b15", "b20", "b25", "b30");
    assertThat(sweep.columns()).containsExactly("dictionary.normalise", "solver.lambda");
    assertThat(sweep.cells().stream().map(c -> c.config().images().settings().toString()))
        .allMatch(s -> s.contains("size=64"));
  }

  @Test
  void eachNormalisationHasItsOwnFiveLambdas() {
    List<Double> peak = sweep.cells().stream().filter(c -> c.variant().equals("full") && "peak".equals(normalise(c)))
        .map(BandwidthAblationFileTest::lambda).toList();
    List<Double> unit = sweep.cells().stream().filter(c -> c.variant().equals("full")
        && "unit-l2".equals(normalise(c))).map(BandwidthAblationFileTest::lambda).toList();
    assertThat(peak).containsExactly(0.03, 0.06, 0.12, 0.25, 0.5);
    assertThat(unit).containsExactly(0.01, 0.02, 0.04, 0.08, 0.15);
  }

  @Test
  void everyDictionaryHasTheKernelCountOfTheComment() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    DICTIONARIES.forEach((v, byNorm) -> byNorm.values().forEach(d -> counts.merge(v, d.count(), Math::max)));
    assertThat(counts).containsExactly(Map.entry("full", 144), Map.entry("full-no5", 140), Map.entry("b05", 144),
        Map.entry("b10", 144), Map.entry("b15", 144), Map.entry("b20", 144), Map.entry("b25", 144),
        Map.entry("b30", 144));
    DICTIONARIES.values().forEach(byNorm -> assertThat(byNorm.values()).extracting(Dictionary::count)
        .containsOnly(byNorm.values().iterator().next().count()));
  }

  private static List<Long> degrees(Dictionary d) {
    return new TreeSet<>(d.info().stream().map(KernelInfo::bTheta).map(b -> Math.round(b / DEGREE)).toList())
        .stream().toList();
  }

  private static int orientations(Dictionary d) {
    return new TreeSet<>(d.info().stream().map(KernelInfo::theta).toList()).size();
  }

  @Test
  void theBandwidthsAndOrientationsAreThoseOfTheComment() {
    Dictionary full = DICTIONARIES.get("full").get("peak");
    assertThat(degrees(full)).containsExactly(5L, 10L, 15L, 20L, 25L, 30L);
    assertThat(orientations(full)).isEqualTo(12);
    Dictionary no5 = DICTIONARIES.get("full-no5").get("peak");
    assertThat(degrees(no5)).containsExactly(10L, 15L, 20L, 25L, 30L);
    assertThat(orientations(no5)).isEqualTo(14);
    for (int b = 5; b <= 30; b += 5) {
      Dictionary homogeneous = DICTIONARIES.get(String.format("b%02d", b)).get("unit-l2");
      assertThat(degrees(homogeneous)).containsExactly((long) b);
      assertThat(orientations(homogeneous)).isEqualTo(72);
    }
  }

  @Test
  void theHomogeneousBandwidthsAreExactlyFullsOwn() {
    TreeSet<Double> full = new TreeSet<>(DICTIONARIES.get("full").get("peak").info().stream().map(KernelInfo::bTheta)
        .toList());
    for (String v : List.of("b05", "b10", "b15", "b20", "b25", "b30")) {
      assertThat(full).contains(DICTIONARIES.get(v).get("peak").info().get(0).bTheta());
    }
  }

  @Test
  void theFullVariantIsThePapersFullPresetUnderPeakNormalisation() {
    Dictionary preset = LogGaborPlugin.generator(LogGaborSettings.preset("full")).generate();
    Dictionary full = DICTIONARIES.get("full").get("peak");
    assertThat(full.count()).isEqualTo(preset.count());
    for (int i = 0; i < preset.kernels().length; i++) {
      assertThat(full.kernels()[i]).isCloseTo(preset.kernels()[i], within(1e-15));
    }
  }

  @Test
  void peakKernelsHaveMaxAbsOneAndUnitL2KernelsNormOne() {
    DICTIONARIES.forEach((v, byNorm) -> {
      Dictionary peak = byNorm.get("peak");
      Dictionary unit = byNorm.get("unit-l2");
      for (int k = 0; k < peak.count(); k++) {
        double max = 0;
        for (double x : peak.kernel(k)) {
          max = Math.max(max, Math.abs(x));
        }
        assertThat(max).as("%s kernel %d", v, k).isCloseTo(1, within(1e-12));
        assertThat(unit.norm(k)).as("%s kernel %d", v, k).isCloseTo(1, within(1e-12));
      }
    });
  }

  @Test
  void theQuickCheckKeepsTheGridAndShrinksTheWork() {
    Sweep quick = LOADER.load(FILE, QUICK).sweep().orElseThrow();
    assertThat(quick.cells()).hasSize(80);
    ExperimentConfig c = quick.cells().get(0).config();
    assertThat(c.images().settings().toString()).contains("size=32").contains("names=[camera, coffee]");
    assertThat(c.solver().settings().toString()).contains("maxIterations=10");
    assertThat(c.dictionary().create(c.context()).generate().size()).isEqualTo(8);
  }

  @Test
  void theMatchedPsnrComparisonAppliesToIt() {
    assertThat(MatchedPsnrComparison.hasLambdaAxis(sweep)).isTrue();
  }

  @Test
  void validateAndDryRunSucceed() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(SparsecodeCli.execute(new String[] {"validate", FILE.toString()}, new PrintWriter(out),
        new PrintWriter(err))).as(err.toString()).isZero();
    assertThat(out.toString()).contains("sweep of 80 cells (8 variants x 10 cells)");
    out.getBuffer().setLength(0);
    assertThat(SparsecodeCli.execute(new String[] {"run", FILE.toString(), "--dry-run", "--output",
        "target/bandwidth-ablation-dry-run"}, new PrintWriter(out), new PrintWriter(err))).as(err.toString()).isZero();
    assertThat(out.toString()).contains("80 cells, nothing computed (dry run)");
  }
}
