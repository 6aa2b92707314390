package org.sparsecode.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Half precision: every half round-trips, midpoints round to the even neighbour, the overflow and underflow
 * boundaries, and (fuzz) random floats round to a nearest half. The fuzz test draws {@value #RUNS} floats from a
 * fixed seed ({@code -Dfuzz.runs=N} for more; the {@code slow} test 20 million); a failure prints the float.
 */
class Float16Test {
  private static final int RUNS = 200_000;
  private static final long SEED = 0x5eed_f16L;

  @Test
  void everyFiniteHalfRoundTripsThroughFloat() {
    for (int h = 0; h < 0x10000; h++) {
      if ((h & 0x7c00) == 0x7c00) {
        continue;
      }
      assertThat(Float16.fromFloat(Float16.toFloat((short) h)) & 0xffff).as("half 0x%04x", h).isEqualTo(h);
    }
  }

  @Test
  void midpointsRoundToTheEvenNeighbourAndTheirNeighboursToTheNearest() {
    for (int h = 0; h < 0x7bff; h++) {
      float a = Float16.toFloat((short) h);
      float b = Float16.toFloat((short) (h + 1));
      float mid = (a + b) / 2;
      assertThat((double) mid).as("exact midpoint of 0x%04x", h).isEqualTo(((double) a + b) / 2);
      int even = (h & 1) == 0 ? h : h + 1;
      assertThat(Float16.fromFloat(mid) & 0xffff).as("midpoint above 0x%04x", h).isEqualTo(even);
      assertThat(Float16.fromFloat(Math.nextUp(mid)) & 0xffff).as("just above the midpoint of 0x%04x", h)
          .isEqualTo(h + 1);
      assertThat(Float16.fromFloat(Math.nextDown(mid)) & 0xffff).as("just below the midpoint of 0x%04x", h)
          .isEqualTo(h);
      assertThat(Float16.fromFloat(-mid) & 0xffff).as("negative midpoint above 0x%04x", h).isEqualTo(even | 0x8000);
    }
  }

  @Test
  void valuesFromTheMidpointAboveTheLargestHalfBecomeInfinite() {
    assertThat(Float16.fromFloat(65504f)).isEqualTo((short) 0x7bff);
    assertThat(Float16.fromFloat(Math.nextDown(65520f))).isEqualTo((short) 0x7bff);
    assertThat(Float16.fromFloat(65520f)).isEqualTo((short) 0x7c00);
    assertThat(Float16.fromFloat(Float.NEGATIVE_INFINITY)).isEqualTo((short) 0xfc00);
    assertThat(Float16.toFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
  }

  @Test
  void valuesAtOrBelowHalfTheSmallestSubnormalBecomeZeroKeepingTheirSign() {
    assertThat(Float16.fromFloat(0x1p-25f)).isZero();
    assertThat(Float16.fromFloat(-0x1p-30f)).isEqualTo((short) 0x8000);
    assertThat(Float16.fromFloat(Float.MIN_VALUE)).isZero();
    assertThat(Float16.fromFloat(Math.nextUp(0x1p-25f))).isEqualTo((short) 1);
  }

  @Test
  void nanStaysNan() {
    assertThat(Float.isNaN(Float16.toFloat(Float16.fromFloat(Float.NaN)))).isTrue();
    assertThat(Float.isNaN(Float16.toFloat(Float16.fromFloat(Float.intBitsToFloat(0x7f800001))))).isTrue();
  }

  @Test
  void randomFloatsRoundToANearestHalf() {
    assertThat(fuzz(Integer.getInteger("fuzz.runs", RUNS))).isEqualTo(Integer.getInteger("fuzz.runs", RUNS));
  }

  @Test
  @Tag("slow")
  void manyRandomFloatsRoundToANearestHalf() {
    fuzz(20_000_000);
  }

  /** Checks {@code runs} random finite floats within the half range; returns the count checked. */
  private static int fuzz(int runs) {
    SplittableRandom random = new SplittableRandom(SEED);
    int checked = 0;
    while (checked < runs) {
      float x = Float.intBitsToFloat(random.nextInt());
      if (!(Math.abs(x) < 65504f)) {
        continue;
      }
      short h = Float16.fromFloat(x);
      double error = Math.abs((double) x - Float16.toFloat(h));
      for (int d : new int[] {-1, 1}) {
        int other = (h & 0xffff) + d;
        if (other < 0 || (other & 0x7c00) == 0x7c00 || (other & 0x7fff) == 0x7fff) {
          continue;
        }
        double otherError = Math.abs((double) x - Float16.toFloat((short) other));
        assertThat(error).as("float %s (bits 0x%08x, seed 0x%x): half 0x%04x vs 0x%04x", x,
            Float.floatToRawIntBits(x), SEED, h & 0xffff, other).isLessThanOrEqualTo(otherError);
      }
      checked++;
    }
    return checked;
  }
}
