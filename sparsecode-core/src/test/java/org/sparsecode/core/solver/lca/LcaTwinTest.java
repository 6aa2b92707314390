package org.sparsecode.core.solver.lca;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code FloatLcaState} is generated from its float64 template {@code DoubleLcaState} by the rule of
 * {@code org.sparsecode.core.fft.PrecisionTwinsTest} (called, not copied, so there is one rule). This test
 * fails when the twin is out of date; run it with {@code -Dtwins.regenerate=true} to rewrite it.
 */
class LcaTwinTest {
  private static final Path TEMPLATE = Path.of("src/main/java/org/sparsecode/core/solver/lca/DoubleLcaState.java");

  @Test
  void float32StateIsGeneratedFromItsFloat64Template() throws Exception {
    Method twin = Class.forName("org.sparsecode.core.fft.PrecisionTwinsTest")
        .getDeclaredMethod("twin", String.class, String.class);
    twin.setAccessible(true);
    String expected = (String) twin.invoke(null, Files.readString(TEMPLATE, StandardCharsets.UTF_8),
        TEMPLATE.getFileName().toString());
    Path target = TEMPLATE.resolveSibling("FloatLcaState.java");
    if (Boolean.getBoolean("twins.regenerate")) {
      Files.writeString(target, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(expected);
  }
}
