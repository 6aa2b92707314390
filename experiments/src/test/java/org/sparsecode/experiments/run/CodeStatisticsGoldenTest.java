package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparsecode.core.fft.FftBackend;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigLoader;

/**
 * The coefficient statistics of a small run are those the golden files hold, byte for byte: moving or
 * reshaping the pooling must not change a run's {@code coefficients.json} or its two CSVs. The golden files
 * were written by the run of {@code golden/code-statistics.yaml} (one thread) before the pooling moved to
 * sparsecode-eval, and refreshed when the FFT engine became FFTW and the float32 multiply-adds became float
 * (last-digit changes); refresh them only when a change of numbers is intended. They are FFTW's numbers
 * ({@code fft: auto} where FFTW loads), so the test is skipped where FFTW does not load.
 */
class CodeStatisticsGoldenTest {
  @TempDir
  static Path out;

  @BeforeAll
  static void runTheGoldenExperiment() {
    assumeTrue(FftBackend.fftwAvailable(), "the golden files are FFTW's; FFTW is missing here: "
        + FftBackend.fftwFailure());
    Path file = resource("golden/code-statistics.yaml");
    new PlanRunner(new ConfigLoader(PluginRegistry.load()).load(file, List.of()), RunOptions.defaults())
        .run(out);
  }

  private static Path resource(String name) {
    try {
      return Path.of(CodeStatisticsGoldenTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @CsvSource({"count, coefficients.json", "count, coefficient-histogram.csv", "count, orientation-activity.csv",
      "abs, coefficients.json", "abs, coefficient-histogram.csv", "abs, orientation-activity.csv"})
  void aRunWritesTheGoldenStatisticsFile(String variant, String name) throws IOException {
    Path golden = resource("golden/code-statistics/" + variant + "/" + name);
    assertThat(Files.readString(out.resolve(variant).resolve(name))).isEqualTo(Files.readString(golden));
  }
}
