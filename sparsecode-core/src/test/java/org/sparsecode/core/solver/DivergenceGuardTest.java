package org.sparsecode.core.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SolverException;

class DivergenceGuardTest {
  private static final String ADVICE = "step 1/x overshoots: set x to at least 3";

  /** A 2 × 2 image whose zero code has the objective ½ (2² + 0 + 0 + 0) = 2. */
  private static Image image(double first) {
    return Image.grey("tiny", 2, 2, new double[] {first, 0, 0, 0});
  }

  private static Dictionary dictionary(double value) {
    return Dictionary.of(1, 1, new double[] {value});
  }

  private static DivergenceGuard guard() {
    return DivergenceGuard.of("demo", dictionary(1), image(2), () -> ADVICE);
  }

  @Test
  void theReferenceIsTheZeroCodesObjectiveHalfTheImageEnergy() {
    assertThat(guard().reference()).isEqualTo(2.0);
  }

  @Test
  void aRunningSolvePassesUpToAMillionTimesTheReferenceAndNoFurther() {
    DivergenceGuard g = guard();
    assertThat(g.passes(0)).isTrue();
    assertThat(g.passes(2e6)).isTrue();
    assertThat(g.passes(Math.nextUp(2e6))).isFalse();
  }

  @Test
  void aNanOrInfiniteObjectiveNeverPasses() {
    DivergenceGuard g = guard();
    assertThat(g.passes(Double.NaN)).isFalse();
    assertThat(g.passes(Double.POSITIVE_INFINITY)).isFalse();
  }

  @Test
  void theDivergenceMessageNamesTheIterationTheValueTheRatioAndTheAdvice() {
    SolverException e = guard().diverged(3, 5e6, "L 1e-09");
    assertThat(e.iteration()).isEqualTo(3);
    assertThat(e.getMessage()).isEqualTo("iteration 3: demo diverged: objective 5e+06 = 2.5e+06 x the zero code's"
        + " ||s||^2/2 = 2 (a solve stops past 1e+06 x; L 1e-09): " + ADVICE);
  }

  @Test
  void aNonFiniteObjectiveIsReportedAsItIs() {
    assertThat(guard().diverged(0, Double.POSITIVE_INFINITY, "L 2").getMessage())
        .isEqualTo("iteration 0: demo: the objective is Infinity (L 2): " + ADVICE);
  }

  @Test
  void aNonFiniteOtherValueWithAnObjectiveInBoundsIsReportedWithBoth() {
    assertThat(guard().diverged(4, 1.5, "residual NaN").getMessage())
        .isEqualTo("iteration 4: demo: a NaN or infinite value (objective 1.5, residual NaN): " + ADVICE);
  }

  @Test
  void aResultUpToAHundredTimesTheReferenceIsAccepted() {
    assertThatCode(() -> guard().checkResult(9, 200)).doesNotThrowAnyException();
  }

  @Test
  void aResultPastAHundredTimesTheReferenceIsRefusedNamingTheLastIteration() {
    assertThatThrownBy(() -> guard().checkResult(9, 201))
        .isInstanceOf(SolverException.class)
        .hasMessage("iteration 9: demo diverged: the code it ends with has objective 201 = 100.5 x the zero"
            + " code's ||s||^2/2 = 2 (a result may have at most 100 x): " + ADVICE)
        .satisfies(e -> assertThat(((SolverException) e).iteration()).isEqualTo(9));
  }

  @Test
  void aNanResultIsRefused() {
    assertThatThrownBy(() -> guard().checkResult(0, Double.NaN)).isInstanceOf(SolverException.class)
        .hasMessageContaining("the code it ends with has objective NaN");
  }

  @Test
  void aWarmStartWorseThanTheZeroCodeBecomesTheReference() {
    DivergenceGuard g = guard().withInitialObjective(10);
    assertThat(g.reference()).isEqualTo(10.0);
    assertThat(g.passes(1e7)).isTrue();
    assertThat(g.diverged(1, 2e7, "v").getMessage()).contains("= 2e+06 x the initial code's objective 10 (");
  }

  @Test
  void aWarmStartBetterThanTheZeroCodeKeepsTheZeroCodeAsTheReference() {
    assertThat(guard().withInitialObjective(0.5).reference()).isEqualTo(2.0);
  }

  @Test
  void aNanImageIsNamedAsTheCauseInsteadOfTheAdvice() {
    AtomicInteger asked = new AtomicInteger();
    DivergenceGuard g = DivergenceGuard.of("demo", dictionary(1), image(Double.NaN), () -> {
      asked.incrementAndGet();
      return ADVICE;
    });
    assertThat(g.passes(1)).isFalse();
    assertThat(g.diverged(0, Double.NaN, "v").getMessage())
        .endsWith(": the image holds NaN or infinite values: check the image");
    assertThat(asked).hasValue(0);
  }

  @Test
  void aNonFiniteKernelIsNamedAsTheCauseInsteadOfTheAdvice() {
    DivergenceGuard g = DivergenceGuard.of("demo", dictionary(Double.NEGATIVE_INFINITY), image(2), () -> ADVICE);
    assertThat(g.diverged(0, Double.NaN, "v").getMessage())
        .endsWith(": the dictionary holds NaN or infinite values: check the dictionary");
  }

  @Test
  void theZeroCodeOfAnAllZeroImagePassesButAnyPositiveObjectiveDoesNot() {
    DivergenceGuard g = DivergenceGuard.of("demo", dictionary(1), image(0), () -> ADVICE);
    assertThat(g.passes(0)).isTrue();
    assertThat(g.passes(Double.MIN_VALUE)).isFalse();
  }

  @Test
  void numbersAreShownWithFourSignificantDigitsAndNoTrailingZeros() {
    assertThat(DivergenceGuard.show(1e-9)).isEqualTo("1e-09");
    assertThat(DivergenceGuard.show(55.0812)).isEqualTo("55.08");
    assertThat(DivergenceGuard.show(1.325e20)).isEqualTo("1.325e+20");
    assertThat(DivergenceGuard.show(1.3e20)).isEqualTo("1.3e+20");
    assertThat(DivergenceGuard.show(2410.0)).isEqualTo("2410");
    assertThat(DivergenceGuard.show(100)).isEqualTo("100");
    assertThat(DivergenceGuard.show(0.5)).isEqualTo("0.5");
    assertThat(DivergenceGuard.show(Double.NaN)).isEqualTo("NaN");
  }

  @Test
  void aLowerBoundIsRoundedUpSoThatTheSuggestedValueIsEnough() {
    assertThat(DivergenceGuard.showAtLeast(2409.532)).isEqualTo("2410");
    assertThat(DivergenceGuard.showAtLeast(55.0812)).isEqualTo("55.09");
    assertThat(DivergenceGuard.showAtLeast(1753.2)).isEqualTo("1754");
    assertThat(DivergenceGuard.showAtLeast(11.5)).isEqualTo("11.5");
  }
}
