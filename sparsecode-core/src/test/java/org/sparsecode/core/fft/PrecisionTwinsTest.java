package org.sparsecode.core.fft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float32 classes are generated from their float64 templates (as EJML generates its FDRM code from
 * DDRM), so the numerical code is written once. This test fails when a twin is out of date; run it with
 * {@code -Dtwins.regenerate=true} to rewrite the twins.
 *
 * <p>Rules: class names {@code DoubleXxx} become {@code FloatXxx}, {@code double[]} arrays become
 * {@code float[]}, {@code (double)} casts (written at every store into an array) become {@code (float)},
 * {@code float64} becomes {@code float32} in comments, FFTW's double-precision names {@code fftw_xxx} become its
 * single-precision {@code fftwf_xxx} (except {@code fftw_iodim}, shared by both). Scalar {@code double}
 * locals stay double: float32
 * storage, float64 scalar arithmetic and accumulation.
 */
class PrecisionTwinsTest {
  private static final Path MAIN = Path.of("src/main/java/org/sparsecode/core");
  private static final Pattern TEMPLATE_LINE = Pattern.compile("(?m)^// Template: .*$");

  static Stream<String> templates() {
    return Stream.of("fft/DoubleFft2d.java", "fft/DoubleFftw2d.java", "fft/DoubleDictionarySpectra.java",
        "solver/admm/DoubleAdmmState.java", "solver/fista/DoubleFistaState.java",
        "solver/lca/DoubleLcaState.java");
  }

  static String twin(String template, String templateName) {
    String s = template.replaceAll("\\bDouble(?=[A-Z])", "Float")
        .replace("double[]", "float[]")
        .replace("new double[", "new float[")
        .replace("(double) ", "(float) ")
        .replace("float64", "float32")
        .replaceAll("\\bfftw_(?!iodim)", "fftwf_");
    return TEMPLATE_LINE.matcher(s).replaceFirst(Matcher.quoteReplacement("// GENERATED from " + templateName
        + " by PrecisionTwinsTest; edit the template."));
  }

  @ParameterizedTest
  @MethodSource("templates")
  void float32TwinIsGeneratedFromItsFloat64Template(String relative) throws IOException {
    Path template = MAIN.resolve(relative);
    Path target = template.resolveSibling(template.getFileName().toString().replaceFirst("^Double", "Float"));
    String expected = twin(Files.readString(template, StandardCharsets.UTF_8), template.getFileName().toString());
    if (Boolean.getBoolean("twins.regenerate")) {
      Files.writeString(target, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(expected);
  }
}
