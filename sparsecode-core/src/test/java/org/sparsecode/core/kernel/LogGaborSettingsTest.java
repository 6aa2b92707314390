package org.sparsecode.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;

class LogGaborSettingsTest {

  @Test
  void fullPresetIsTwelveThetasSixBandwidthsTwoPhases() {
    LogGaborSettings s = LogGaborSettings.preset("full");
    assertThat(s.thetaValues()).hasSize(12);
    // linspace(0, pi/6, 7)[1:] (dicts.json)
    assertThat(s.bThetaValues()).containsExactly(0.08726646259971647, 0.17453292519943295, 0.2617993877991494,
        0.3490658503988659, 0.4363323129985824, 0.5235987755982988);
    assertThat(s.phaseValues()).containsExactly(0.0, Math.PI / 2);
    assertThat(s.count()).isEqualTo(144);
  }

  @Test
  void thinPresetIsSeventyTwoThetasAtPiOverFifteen() {
    LogGaborSettings s = LogGaborSettings.preset("thin");
    assertThat(s.thetaValues()).hasSize(72);
    // dict_thin_params.csv: B_theta = 0.20943951023931953 = (pi/6)/2.5
    assertThat(s.bThetaValues()).containsExactly(0.20943951023931953);
    assertThat(s.count()).isEqualTo(144);
  }

  @Test
  void defaultsAreThePapersSizeAndFrequencies() {
    LogGaborSettings s = LogGaborSettings.preset("thin");
    assertThat(s.size()).isEqualTo(12);
    assertThat(s.sf0()).isEqualTo(0.4);
    assertThat(s.bsf()).isEqualTo(0.4);
  }

  @Test
  void explicitKeysOverrideThePreset() {
    LogGaborSettings s = new LogGaborSettings("full", 16, null, null, 4, null, List.of(0.0));
    assertThat(s.size()).isEqualTo(16);
    assertThat(s.thetaValues()).hasSize(4);
    assertThat(s.bThetaValues()).hasSize(6);
    assertThat(s.phaseValues()).containsExactly(0.0);
  }

  @Test
  void withoutAPresetThetasAreRequired() {
    assertThatThrownBy(() -> new LogGaborSettings(null, null, null, null, null, List.of(0.2), null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("thetas:")
        .hasMessageContaining("required");
  }

  @Test
  void withoutAPresetBThetasAreRequired() {
    assertThatThrownBy(() -> new LogGaborSettings(null, null, null, null, 12, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bThetas:")
        .hasMessageContaining("required");
  }

  @Test
  void anUnknownPresetListsTheAvailableOnes() {
    assertThatThrownBy(() -> LogGaborSettings.preset("thick"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("preset:")
        .hasMessageContaining("thick")
        .hasMessageContaining("thin")
        .hasMessageContaining("full");
  }

  @Test
  void anOddSizeIsRejected() {
    assertThatThrownBy(() -> new LogGaborSettings("thin", 13, null, null, null, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("size:")
        .hasMessageContaining("13");
  }

  @Test
  void sf0AboveNyquistIsRejected() {
    assertThatThrownBy(() -> new LogGaborSettings("thin", null, 0.6, null, null, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("sf0:")
        .hasMessageContaining("0.6");
  }

  @Test
  void zeroSf0IsRejected() {
    assertThatThrownBy(() -> new LogGaborSettings("thin", null, 0.0, null, null, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("sf0:");
  }

  @Test
  void nonPositiveBsfIsRejected() {
    assertThatThrownBy(() -> new LogGaborSettings("thin", null, null, -0.4, null, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bsf:");
  }

  @Test
  void aZeroBandwidthIsRejected() {
    assertThatThrownBy(() -> new LogGaborSettings(null, null, null, null, 12, List.of(0.2, 0.0), null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bThetas:");
  }

  @Test
  void aLinspaceStartingAtZeroWithoutDropFirstIsRejectedAsAZeroBandwidth() {
    assertThatThrownBy(() -> new LogGaborSettings(null, null, null, null, 12,
        Map.of("linspace", List.of(0.0, 0.5, 6)), null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bThetas:");
  }

  @Test
  void anIntegerBThetasIsRejected() {
    assertThatThrownBy(() -> new LogGaborSettings(null, null, null, null, 12, 6, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bThetas:");
  }

  @Test
  void zeroPhasesIsRejected() {
    assertThatThrownBy(() -> new LogGaborSettings("thin", null, null, null, null, null, 0))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("phases:");
  }

  @Test
  void resolvedSettingsRebuildToAnEqualRecord() {
    // the record is the fully resolved configuration: feeding its values back gives the same record
    LogGaborSettings s = LogGaborSettings.preset("full");
    LogGaborSettings again = new LogGaborSettings(s.preset(), s.size(), s.sf0(), s.bsf(), s.thetas(), s.bThetas(),
        s.phases());
    assertThat(again).isEqualTo(s);
    assertThat(new LogGaborSettings(null, s.size(), s.sf0(), s.bsf(), s.thetas(), s.bThetas(), s.phases())
        .thetas()).isEqualTo(s.thetas());
  }

  @Test
  void normaliseDefaultsToPeak() {
    LogGaborSettings s = LogGaborSettings.preset("full");
    assertThat(s.normalise()).isEqualTo("peak");
    assertThat(s.normalisation()).isEqualTo(LogGaborKernels.Normalisation.PEAK);
  }

  @Test
  void aPresetAcceptsNormalise() {
    LogGaborSettings s = new LogGaborSettings("full", null, null, null, null, null, null, "unit-l2");
    assertThat(s.normalisation()).isEqualTo(LogGaborKernels.Normalisation.UNIT_L2);
    assertThat(s.thetas()).isEqualTo(LogGaborSettings.preset("full").thetas());
    assertThat(s.bThetas()).isEqualTo(LogGaborSettings.preset("full").bThetas());
    assertThat(s.count()).isEqualTo(144);
  }

  @Test
  void aBadNormaliseNamesTheKeyAndTheAcceptedValues() {
    assertThatThrownBy(() -> new LogGaborSettings("thin", null, null, null, null, null, null, "max"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("normalise: must be one of peak, unit-l2, got 'max'")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("normalise"));
  }

  @Test
  void theSevenArgumentConstructorMeansPeak() {
    assertThat(new LogGaborSettings("thin", null, null, null, null, null, null))
        .isEqualTo(new LogGaborSettings("thin", null, null, null, null, null, null, "peak"));
  }
}
