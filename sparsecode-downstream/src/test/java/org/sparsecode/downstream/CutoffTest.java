package org.sparsecode.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CutoffTest {

  @Test
  void zeroesExactlyTheEntriesBelowTheSampleMaximumOverCeil() {
    // max 8: ceil 4 keeps |v| >= 2
    float[] v = {8, 1.99f, 2, -2, -1.5f, 0, 3, -9};
    int zeroed = Cutoff.apply(v, 0, v.length, 4);
    assertThat(v).containsExactly(8, 0, 2, -2, 0, 0, 3, -9);
    assertThat(zeroed).isEqualTo(2);
  }

  @Test
  void eachSampleUsesItsOwnMaximum() {
    float[] v = {4, 1.5f, 2, 100, 40, 60};
    Cutoff.apply(v, 0, 3, 2);
    Cutoff.apply(v, 3, 3, 2);
    assertThat(v).containsExactly(4, 0, 2, 100, 0, 60);
  }

  @Test
  void noneLeavesTheSampleAsItIs() {
    float[] v = {8, 0.1f, -0.1f};
    assertThat(Cutoff.apply(v, 0, 3, 0)).isZero();
    assertThat(v).containsExactly(8, 0.1f, -0.1f);
  }

  @Test
  void theTransformNormalisesBeforeTheCutoffAndFlipsOnlyWithARandomSource() {
    InputTransform t = new InputTransform(0.5, 0.25, 2, true);
    float[] in = {0.5f, 1.5f, 1.0f, 2.5f};
    float[] out = new float[4];
    t.apply(in, 0, out, 0, 1, 2, null);
    // normalised: 0, 4, 2, 8; max 8, ceil 2 zeroes |v| < 4
    assertThat(out).containsExactly(0, 4, 0, 8);
  }
}
