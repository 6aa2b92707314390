package org.sparsecode.core.solver.fista;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * FloatFistaState is generated from DoubleFistaState by the rules of the fft package's PrecisionTwinsTest
 * ({@code Double*} names → {@code Float*}, {@code double[]} → {@code float[]}, {@code (double)} casts →
 * {@code (float)}, float64 → float32 in comments; scalar {@code double} locals stay double). Run with
 * {@code -Dtwins.regenerate=true} to rewrite the twin after editing the template.
 */
class FistaTwinsTest {
  private static final Path TEMPLATE = Path.of("src/main/java/org/sparsecode/core/solver/fista/DoubleFistaState.java");
  private static final Pattern TEMPLATE_LINE = Pattern.compile("(?m)^// Template: .*$");

  static String twin(String template, String templateName) {
    String s = template.replaceAll("\\bDouble(?=[A-Z])", "Float")
        .replace("double[]", "float[]")
        .replace("new double[", "new float[")
        .replace("(double) ", "(float) ")
        .replace("float64", "float32");
    return TEMPLATE_LINE.matcher(s).replaceFirst(Matcher.quoteReplacement("// GENERATED from " + templateName
        + " by FistaTwinsTest; edit the template."));
  }

  @Test
  void float32StateIsGeneratedFromItsFloat64Template() throws IOException {
    Path target = TEMPLATE.resolveSibling("FloatFistaState.java");
    String expected = twin(Files.readString(TEMPLATE, StandardCharsets.UTF_8), TEMPLATE.getFileName().toString());
    if (Boolean.getBoolean("twins.regenerate")) {
      Files.writeString(target, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(expected);
  }
}
