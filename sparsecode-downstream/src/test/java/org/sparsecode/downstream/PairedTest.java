package org.sparsecode.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedTest {

  @Test
  void mcnemarOfTenAgainstTwoIsTwiceTheBinomialTail() {
    // 2 * P(X <= 2), X ~ B(12, 1/2) = 2 * (1 + 12 + 66) / 4096
    assertThat(Paired.mcnemar(10, 2)).isCloseTo(158.0 / 4096, within(1e-12));
    assertThat(Paired.mcnemar(5, 5)).isEqualTo(1.0);
    assertThat(Paired.mcnemar(0, 0)).isEqualTo(1.0);
  }

  @Test
  void aConstructedPairGivesItsDiscordantCountsDifferenceAndAnIntervalAroundIt() {
    int n = 200;
    boolean[] a = new boolean[n];
    boolean[] b = new boolean[n];
    // 150 both right, 30 only A, 10 only B, 10 both wrong
    for (int i = 0; i < n; i++) {
      a[i] = i < 180;
      b[i] = i < 150 || i >= 180 && i < 190;
    }
    Paired p = Paired.compare(new boolean[][] {a}, new boolean[][] {b}, 7);
    assertThat(p.onlyA()).isEqualTo(30);
    assertThat(p.onlyB()).isEqualTo(10);
    assertThat(p.difference()).isCloseTo(0.1, within(1e-12));
    assertThat(p.low()).isBetween(0.03, 0.1);
    assertThat(p.high()).isBetween(0.1, 0.17);
    assertThat(p.p()).isCloseTo(Paired.mcnemar(30, 10), within(0.0));
    assertThat(p.p()).isLessThan(0.01);
  }

  @Test
  void identicalClassifiersDifferByNothing() {
    boolean[] a = {true, false, true, true};
    Paired p = Paired.compare(new boolean[][] {a}, new boolean[][] {a.clone()}, 1);
    assertThat(p.difference()).isZero();
    assertThat(p.low()).isZero();
    assertThat(p.high()).isZero();
    assertThat(p.p()).isEqualTo(1.0);
  }
}
