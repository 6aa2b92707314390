package org.sparsecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.api.solver.WarmStartableSolver;
import org.sparsecode.core.solver.fista.FistaPlugin;
import org.sparsecode.core.solver.fista.FistaSettings;

/**
 * Each check of the contract fails for a solver that breaks the law it checks: a well-configured {@code fista}
 * (which keeps the whole contract, see the core contract tests) wrapped so that it breaks one law.
 */
class SolverContractCatchesBrokenSolversTest {
  private static final double LAMBDA = 0.05;

  private static WarmStartableSolver fista(int threads, int iterations) {
    return (WarmStartableSolver) new FistaPlugin().create(
        new FistaSettings(LAMBDA, iterations, 1e-8, null, null, null, null), SolverContract.context(threads));
  }

  /** A solver that delegates to FISTA; subclasses break one thing. */
  private static class Wrapped implements WarmStartableSolver {
    final WarmStartableSolver inner;
    final int threads;

    Wrapped(int threads) {
      this(threads, 1000);
    }

    Wrapped(int threads, int iterations) {
      this.inner = fista(threads, iterations);
      this.threads = threads;
    }

    @Override
    public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
      return inner.solve(d, s, initial, listener);
    }

    @Override
    public double lambda() {
      return inner.lambda();
    }
  }

  /** The wrapped FISTA with each statistics row replaced (a solver that misreports its iterations). */
  private static final class RowsRewritten extends Wrapped {
    private final UnaryOperator<IterationStats> row;

    RowsRewritten(int threads, UnaryOperator<IterationStats> row) {
      super(threads);
      this.row = row;
    }

    @Override
    public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
      CodingResult r = super.solve(d, s, initial, listener);
      List<IterationStats> rows = r.stats().stream().map(row).toList();
      return new CodingResult(r.code(), rows, r.iterations(), r.converged());
    }
  }

  private static SolverContract contract(IntFunction<SparseSolver> solver) {
    return solver::apply;
  }

  private static void fails(Executable check) {
    assertThatThrownBy(check::execute).isInstanceOf(AssertionError.class);
  }

  private static SparseCode mapValues(SparseCode c, java.util.function.DoubleUnaryOperator f) {
    return new SparseCode(c.count(), c.height(), c.width(), c.indices(),
        Arrays.stream(c.values()).map(f).toArray());
  }

  @Test
  void theWrappedFistaItselfPassesEveryCheckTheseTestsBreak() throws Throwable {
    SolverContract c = contract(Wrapped::new);
    c.theCodeIsBitIdenticalOnEveryThreadCount();
    c.aNonFinitePixelStopsTheSolveWithASolverException();
    c.theReconstructionAndTheReportedDataTermAgreeWithTheKits();
    c.anL1SolverReachesTheReferenceMinimum();
    c.aWarmStartFromItsOwnCodeStaysThere();
    c.oneInstanceGivesConcurrentSolvesTheirSequentialResults();
  }

  @Test
  void aCodeThatDependsOnTheThreadCountFails() {
    fails(contract(t -> new Wrapped(t) {
      @Override
      public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
        CodingResult r = super.solve(d, s, initial, listener);
        // a sum split over the workers: the last bit depends on their number
        SparseCode c = mapValues(r.code(), v -> threads > 2 ? Math.nextUp(v) : v);
        return new CodingResult(c, r.stats(), r.iterations(), r.converged());
      }
    })::theCodeIsBitIdenticalOnEveryThreadCount);
  }

  @Test
  void aSolverThatTreatsNanPixelsAsZeroFails() {
    fails(contract(t -> new Wrapped(t) {
      @Override
      public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
        double[] p = Arrays.stream(s.pixels()).map(v -> Double.isFinite(v) ? v : 0).toArray();
        return super.solve(d, Image.grey(s.id(), s.width(), s.height(), p), initial, listener);
      }
    })::aNonFinitePixelStopsTheSolveWithASolverException);
  }

  @Test
  void aSolverThatTreatsNonFiniteKernelValuesAsZeroFails() {
    fails(contract(t -> new Wrapped(t) {
      @Override
      public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
        double[] k = Arrays.stream(d.kernels()).map(v -> Double.isFinite(v) ? v : 0).toArray();
        return super.solve(Dictionary.of(d.size(), d.count(), k), s, initial, listener);
      }
    })::aNonFiniteKernelValueStopsTheSolveWithASolverException);
  }

  @Test
  void aSolverThatNormalisesTheImageInPlaceFails() {
    fails(contract(t -> new Wrapped(t) {
      @Override
      public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
        s.pixels()[0] = 0;
        return super.solve(d, s, initial, listener);
      }
    })::theInputsAreNotModified);
  }

  @Test
  void aCodeWithRowsAndColumnsSwappedFails() {
    fails(contract(t -> new Wrapped(t) {
      @Override
      public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
        CodingResult r = super.solve(d, s, initial, listener);
        SparseCode c = r.code();
        return new CodingResult(new SparseCode(c.count(), c.width(), c.height(), c.indices(), c.values()),
            r.stats(), r.iterations(), r.converged());
      }
    })::theCodeHasTheKernelCountAndTheImageSize);
  }

  @Test
  void statisticsNumberedFromOneFail() {
    fails(contract(t -> new RowsRewritten(t,
        x -> new IterationStats(x.iteration() + 1, x.objective(), x.dataFidelity(),
            x.regularization(), x.primalResidual(), x.dualResidual(), x.epsPrimal(), x.epsDual(), x.penalty(),
            x.seconds())))::theStatisticsHaveOneRowPerIterationNumberedFromZero);
  }

  @Test
  void aDataTermReportedWithoutTheHalfFails() {
    fails(contract(t -> new RowsRewritten(t,
        x -> new IterationStats(x.iteration(), x.objective(), 2 * x.dataFidelity(),
            x.regularization(), x.primalResidual(), x.dualResidual(), x.epsPrimal(), x.epsDual(), x.penalty(),
            x.seconds())))::theReconstructionAndTheReportedDataTermAgreeWithTheKits);
  }

  @Test
  void anObjectiveReportedWithoutItsL1TermFailsTheReferenceMinimum() {
    fails(contract(t -> new RowsRewritten(t,
        x -> new IterationStats(x.iteration(), x.dataFidelity(), x.dataFidelity(),
            x.regularization(), x.primalResidual(), x.dualResidual(), x.epsPrimal(), x.epsDual(), x.penalty(),
            x.seconds())))::anL1SolverReachesTheReferenceMinimum);
  }

  @Test
  void aSolverStoppedAfterFiveIterationsMissesTheMinimumAndThePlantedAtoms() {
    SolverContract c = contract(t -> new Wrapped(t, 5));
    fails(c::anL1SolverReachesTheReferenceMinimum);
    fails(c::anL1SolverRecoversPlantedAtoms);
  }

  @Test
  void aSolverWithTooLargeALambdaMissesTheMinimumOfItsDeclaredOne() {
    // it declares λ but shrinks by 3λ: a converged solve of another objective
    fails(contract(t -> new Wrapped(t) {
      final WarmStartableSolver other = (WarmStartableSolver) new FistaPlugin().create(
          new FistaSettings(3 * LAMBDA, 1000, 1e-8, null, null, null, null), SolverContract.context(t));

      @Override
      public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
        return other.solve(d, s, initial, listener);
      }
    })::anL1SolverReachesTheReferenceMinimum);
  }

  @Test
  void aWarmStartThatHalvesTheCodeFails() {
    fails(contract(t -> new Wrapped(t) {
      @Override
      public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
        CodingResult r = super.solve(d, s, null, listener);
        return initial == null ? r : new CodingResult(mapValues(r.code(), v -> v / 2), r.stats(), r.iterations(),
            r.converged());
      }
    })::aWarmStartFromItsOwnCodeStaysThere);
  }

  @Test
  void aWarmStartThatIgnoresTheInitialCodesShapeFails() {
    fails(contract(t -> new Wrapped(t) {
      @Override
      public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
        return super.solve(d, s, null, listener);
      }
    })::anInitialCodeOfTheWrongShapeIsRejected);
  }

  @Test
  void aSolverThatKeepsTheImageInAFieldFailsUnderConcurrentSolves() {
    fails(contract(t -> new Wrapped(t) {
      private Image current;

      @Override
      public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
        current = s;
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.solve(d, current, initial, listener);
      }
    })::oneInstanceGivesConcurrentSolvesTheirSequentialResults);
  }

  @Test
  void aSolverThatCodesImagesSmallerThanItsKernelsFails() {
    fails(contract(t -> new Wrapped(t) {
      @Override
      public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
        if (s.width() < d.size()) {
          return new CodingResult(SparseCode.fromDense(d.count(), s.height(), s.width(),
              new double[d.count() * s.area()]), List.of(), 0, true);
        }
        return super.solve(d, s, initial, listener);
      }
    })::anImageSmallerThanTheKernelsIsRejected);
  }

  @Test
  void theL1ChecksAreSkippedForASolverWithoutLambdaAndTheWarmStartChecksForAColdOnlySolver() {
    SparseSolver coldOnly = (d, s, l) -> fista(1, 1000).solve(d, s, l);
    SolverContract c = contract(t -> coldOnly);
    assertThatThrownBy(c::aWarmStartFromItsOwnCodeStaysThere).isInstanceOf(TestAbortedException.class);
    assertThatThrownBy(c::anL1SolverRecoversPlantedAtoms).isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no ℓ1 checks");
    assertThatThrownBy(c::theObjectiveTraceFollowsTheTraceReference).isInstanceOf(TestAbortedException.class);
    assertThat(coldOnly.lambda()).isNaN();
  }
}
