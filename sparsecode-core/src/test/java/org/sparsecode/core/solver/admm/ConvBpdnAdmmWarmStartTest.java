package org.sparsecode.core.solver.admm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.TestFixtures;
import org.sparsecode.core.solver.DivergenceGuard;
import org.sparsecode.core.solver.SolverTestProblems;

/** Warm start of {@code cbpdn-admm}: {@code Y0} = the initial code, {@code U0 = Dᵀ(s − D Y0)/ρ}. */
class ConvBpdnAdmmWarmStartTest {
  private static final double LAMBDA = 1e-2;

  private static ConvBpdnAdmm solver(int iterations) {
    return new ConvBpdnAdmm(new CbpdnAdmmSettings(LAMBDA, iterations, null, null, null, null, null, null, null),
        Precision.FLOAT64, 2);
  }

  /** ½‖Σ d_k * x_k − s‖² + λ‖x‖₁ computed directly from the code. */
  private static double objective(SparseCode code, Dictionary d, Image s, double lambda) {
    return SolverTestProblems.objective(d, s, code, lambda);
  }

  @Test
  void warmStartFromItsOwnConvergedResultDoesNotIncreaseTheObjective() {
    // 4 random unit-norm 6x6 kernels, a 32x32 noise image, fixed rho: 300 iterations converge; from there the
    // warm start (U0 = D^T(s - D Y0)/rho) is a fixed point. With AutoRho, rho restarts and the objective at Y
    // can rise by ~1e-3 relative before it settles again.
    SplittableRandom rng = new SplittableRandom(5);
    double[] k = new double[4 * 36];
    for (int j = 0; j < 4; j++) {
      double norm = 0;
      for (int i = 0; i < 36; i++) {
        k[j * 36 + i] = rng.nextGaussian();
        norm += k[j * 36 + i] * k[j * 36 + i];
      }
      for (int i = 0; i < 36; i++) {
        k[j * 36 + i] /= Math.sqrt(norm);
      }
    }
    Dictionary d = Dictionary.of(6, 4, k);
    double[] p = new double[32 * 32];
    for (int i = 0; i < p.length; i++) {
      p[i] = rng.nextGaussian();
    }
    Image s = Image.grey("noise", 32, 32, p);
    CbpdnAdmmSettings fixed = new CbpdnAdmmSettings(0.05, 300, 0.0, null, null, null, null, null,
        AutoRhoSettings.disabled());
    SparseCode first = new ConvBpdnAdmm(fixed, Precision.FLOAT64, 2).solve(d, s).code();
    CbpdnAdmmSettings more = new CbpdnAdmmSettings(0.05, 30, 0.0, null, null, null, null, null,
        AutoRhoSettings.disabled());
    SparseCode second = new ConvBpdnAdmm(more, Precision.FLOAT64, 2).solve(d, s, first, r -> { }).code();
    assertThat(objective(second, d, s, 0.05)).isLessThanOrEqualTo(objective(first, d, s, 0.05) * (1 + 1e-12));
  }

  @Test
  void aWarmStartFromASolutionBeginsAtIt() {
    // The first x-step returns X = Y0 exactly (up to rounding): the first row's objective is that of Y0.
    Dictionary d = TestFixtures.fullDictionary();
    Image s = TestFixtures.camera(64);
    SparseCode first = solver(30).solve(d, s).code();
    double start = solver(1).solve(d, s, first, r -> { }).stats().get(0).objective();
    assertThat(start).isCloseTo(objective(first, d, s, LAMBDA), within(1e-9 * start));
  }

  @Test
  void aWarmStartsOvershootingFirstYStepIsReturnedNotRefused() {
    // U0 = Dᵀ(s − D Y0)/ρ makes the first y-step an ISTA step of 1/ρ (ρ = 1.5, L = 2410) from an unconverged
    // Y0: Y overshoots far past the result limit while X stays at Y0, and ADMM works it off within about six
    // iterations. The batch learner relies on such short warm starts, so Y is only required to be finite.
    Dictionary d = TestFixtures.fullDictionary();
    Image s = TestFixtures.camera(64);
    SparseCode first = solver(30).solve(d, s).code();
    CodingResult one = solver(1).solve(d, s, first, r -> { });
    double zero = DivergenceGuard.zeroCodeObjective(s);
    assertThat(objective(one.code(), d, s, LAMBDA)).isGreaterThan(DivergenceGuard.RESULT_LIMIT * zero);
    assertThat(one.stats().get(0).objective()).isLessThan(zero);
  }

  @Test
  void aNullInitialCodeIsAColdStart() {
    Dictionary d = TestFixtures.fullDictionary();
    Image s = TestFixtures.camera(64);
    CodingResult cold = solver(5).solve(d, s);
    CodingResult warm = solver(5).solve(d, s, null, r -> { });
    assertThat(warm.code()).isEqualTo(cold.code());
  }

  @Test
  void anInitialCodeOfTheWrongShapeIsRejected() {
    SparseCode wrong = SparseCode.fromDense(143, 64, 64, new double[143 * 64 * 64]);
    assertThatThrownBy(() -> solver(5).solve(TestFixtures.fullDictionary(), TestFixtures.camera(64), wrong, r -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial code");
  }
}
