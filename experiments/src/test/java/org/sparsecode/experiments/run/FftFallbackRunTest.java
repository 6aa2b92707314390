package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * With FFTW's native library refused ({@code -Dsparsecode.fftw.disable=true}, the experiments module's second
 * test execution), a run with {@code fft: auto} still runs, on JTransforms, and says so in its provenance; a
 * run that insists on {@code fft: fftw} fails before running, at the key, saying what to write instead.
 */
@EnabledIfSystemProperty(named = "sparsecode.fftw.disable", matches = "true")
class FftFallbackRunTest {
  @TempDir
  Path tmp;

  @Test
  void autoRunsOnJTransformsWhenFftwIsMissing() throws IOException {
    Path file = Files.writeString(tmp.resolve("small.yaml"), "fft: auto\n" + FftRunTest.SMALL);
    Path dir = tmp.resolve("out");
    StringWriter err = new StringWriter();
    assertThat(FftRunTest.run(file, dir, err)).as(err.toString()).isZero();
    assertThat(FftRunTest.provenance(dir, "fft")).isEqualTo("jtransforms");
    assertThat(Files.readString(dir.resolve("config.yaml"))).contains("fft: jtransforms");
  }

  @Test
  void fftwIsAConfigurationErrorAtTheKeyWhenItsLibraryIsMissing() throws IOException {
    Path file = Files.writeString(tmp.resolve("small.yaml"), "fft: fftw\n" + FftRunTest.SMALL);
    StringWriter err = new StringWriter();
    assertThat(FftRunTest.run(file, tmp.resolve("out"), err)).isEqualTo(2);
    assertThat(err.toString()).contains("small.yaml:1:6: fft: fftw, but the FFTW native library did not load"
        + " (refused by -Dsparsecode.fftw.disable=true); use fft: auto (JTransforms where FFTW is missing) or"
        + " fft: jtransforms").doesNotContain("Exception");
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
