package org.sparsecode.eval.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.core.kernel.LogGaborPlugin;
import org.sparsecode.core.kernel.LogGaborSettings;

/** The caption of dictionary.png says how the tiles are laid out, read from the kernels' parameters. */
class DictionaryLayoutTest {

  private static List<String> caption(Dictionary d) {
    return DictionaryLayout.describe(d.info(), DictionaryTiles.columns(d.count()));
  }

  @Test
  void thePapersFullDictionaryHasOneThetaPerRowAndItsBandwidthsAndPhasesAlongTheRow() {
    Dictionary full = LogGaborPlugin.generator(LogGaborSettings.preset("full")).generate();
    assertThat(caption(full)).containsExactly("Each row is one θ, 0° (top) to 165° (bottom) by 15°; along the "
        + "row, B_θ 5° to 30° by 5°, each as 2 phases (0°, 90°) side by side.");
  }

  @Test
  void thePapersThinDictionaryHasSixThetasPerRowAndOneBandwidth() {
    Dictionary thin = LogGaborPlugin.generator(LogGaborSettings.preset("thin")).generate();
    assertThat(caption(thin)).containsExactly(
        "6 θ per row, 0° (top left) to 177.5° (bottom right) by 2.5°; each as 2 phases (0°, 90°) side by side.",
        "B_θ 12° for every kernel.");
  }

  @Test
  void aRandomOrLearnedDictionaryIsInIndexOrder() {
    Dictionary random = Dictionary.of(3, 5, new double[45]);
    assertThat(caption(random)).containsExactly("Kernel index row by row, left to right, top to bottom.");
  }

  @Test
  void kernelsInAnotherOrderThanThetaBandwidthPhaseAreInIndexOrder() {
    List<KernelInfo> info = new ArrayList<>(LogGaborPlugin.generator(LogGaborSettings.preset("full")).generate()
        .info());
    Collections.swap(info, 0, 1);
    assertThat(DictionaryLayout.describe(info, 12)).containsExactly(DictionaryLayout.BY_INDEX);
  }

  @Test
  void unevenValuesAreCounted() {
    List<KernelInfo> info = new ArrayList<>();
    for (double t : new double[] {0, 0.1, 0.3, 0.7, 1.5}) {
      info.add(new KernelInfo(t, 0.2, 0, 0.4, 0.4));
    }
    assertThat(DictionaryLayout.describe(info, 3)).containsExactly(
        "θ 0° to 85.9° (5 values) in reading order.", "B_θ 11.5°, phase 0° for every kernel.");
  }

  @Test
  void aGaborBankWithoutBandwidthsIsDescribedByThetaAndPhase() {
    List<KernelInfo> info = new ArrayList<>();
    for (int t = 0; t < 12; t++) {
      for (double phase : new double[] {0, Math.PI / 2}) {
        info.add(new KernelInfo(t * Math.PI / 12, Double.NaN, phase, 0.25, Double.NaN));
      }
    }
    assertThat(DictionaryLayout.describe(info, DictionaryTiles.columns(24))).containsExactly(
        "θ 0° to 165° by 15° in reading order, 2 tiles each; each as 2 phases (0°, 90°) side by side.");
  }
}
