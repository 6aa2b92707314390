package org.sparsecode.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.solver.mp.Atom;
import org.sparsecode.core.solver.mp.MatchingPursuit;
import org.sparsecode.core.solver.mp.PlainMatchingPursuit;
import org.sparsecode.core.solver.mp.PursuitSettings;

/**
 * Matching pursuit at the paper's size (144 kernels of 12 × 12, the LCN'd camera image), time per atom:
 * <ul>
 *   <li>{@code fast}: {@code matching-pursuit} ({@link MatchingPursuit}: local {@code DᵀD} updates and the
 *       tile argmax tree) selecting {@value #ATOMS} atoms on the 256 × 256 image and on the same image tiled
 *       4 × 4 to 1024 × 1024 ({@code size} parameter). The workspace (kernel table, initial FFT correlation,
 *       tree) is prepared before each measured iteration, so only the atoms are timed; the score is per atom
 *       (the iteration's time / {@value #ATOMS}).
 *   <li>{@code plain}: {@link PlainMatchingPursuit}, which re-correlates the whole residual with every kernel
 *       by FFT and rescans the map after each atom, {@value #PLAIN_ATOMS} atoms per iteration on 256 × 256.
 *       Its setup first checks that both select the same first atoms.
 * </ul>
 * Run with a heap for the 1024² map: {@code -jvmArgsAppend -Xmx6g} (K·H·W doubles = 1.2 GB plus the kernel
 * spectra while correlating).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class MatchingPursuitBenchmark {
  /** Atoms selected per measured iteration of the fast pursuit. */
  static final int ATOMS = 2048;
  /** Atoms per measured iteration of the plain pursuit. */
  static final int PLAIN_ATOMS = 16;

  /** The 256 × 256 image tiled {@code side / 256} times in each direction. */
  static Image tiled(int side) {
    Image base = PaperProblem.image();
    int n = base.width();
    if (side % n != 0) {
      throw new IllegalArgumentException("size must be a multiple of " + n + ", got " + side);
    }
    double[] p = new double[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x += n) {
        System.arraycopy(base.pixels(), (y % n) * n, p, y * side + x, n);
      }
    }
    return Image.grey("camera" + side, side, side, p);
  }

  /** The fast pursuit, prepared before each iteration. */
  @State(Scope.Thread)
  public static class Fast {
    /** Image side: 256, or 1024 (the 256 image tiled 4 × 4). */
    @Param({"256", "1024"})
    public int size;

    /** Worker threads for the setup's FFT correlation; 0 means all processors. */
    @Param({"0"})
    public int threads;

    private Dictionary dictionary;
    private Image image;
    private MatchingPursuit solver;
    MatchingPursuit.Workspace workspace;

    /** Loads the problem. */
    @Setup(Level.Trial)
    public void load() {
      dictionary = PaperProblem.dictionary();
      image = tiled(size);
      solver = new MatchingPursuit(PursuitSettings.atoms(ATOMS), PaperProblem.threads(threads));
    }

    /** Kernel table, initial correlation and tree: not timed. */
    @Setup(Level.Iteration)
    public void prepare() {
      workspace = solver.workspace(dictionary, image, null);
    }

    /** Stops the workspace's threads and lets its map go. */
    @TearDown(Level.Iteration)
    public void close() {
      workspace.close();
      workspace = null;
    }
  }

  /** The plain pursuit on 256 × 256. */
  @State(Scope.Thread)
  public static class Plain {
    /** Worker threads for the FFT correlations; 0 means all processors. */
    @Param({"0"})
    public int threads;

    private Dictionary dictionary;
    private Image image;
    PlainMatchingPursuit pursuit;

    /** Loads the problem and checks that both pursuits select the same first atoms. */
    @Setup(Level.Trial)
    public void load() {
      dictionary = PaperProblem.dictionary();
      image = PaperProblem.image();
      int n = PaperProblem.threads(threads);
      try (MatchingPursuit.Workspace fast = new MatchingPursuit(PursuitSettings.atoms(PLAIN_ATOMS), n)
          .workspace(dictionary, image, null); PlainMatchingPursuit plain = new PlainMatchingPursuit(dictionary,
          image, n)) {
        for (int i = 0; i < PLAIN_ATOMS; i++) {
          Atom a = fast.step();
          Atom b = plain.step();
          if (a.kernel() != b.kernel() || a.y() != b.y() || a.x() != b.x()
              || Math.abs(a.coefficient() - b.coefficient()) > 1e-9) {
            throw new IllegalStateException("fast and plain pursuits differ at atom " + i + ": " + a + " vs " + b);
          }
        }
      }
    }

    /** A fresh pursuit each iteration (its residual restarts from the image). */
    @Setup(Level.Iteration)
    public void prepare() {
      pursuit = new PlainMatchingPursuit(dictionary, image, PaperProblem.threads(threads));
    }

    /** Stops its threads. */
    @TearDown(Level.Iteration)
    public void close() {
      pursuit.close();
    }
  }

  /**
   * {@value #ATOMS} atoms of the fast pursuit.
   *
   * @param state the prepared workspace
   * @param sink consumes the atoms
   */
  @Benchmark
  @OperationsPerInvocation(ATOMS)
  public void fast(Fast state, Blackhole sink) {
    for (int i = 0; i < ATOMS; i++) {
      sink.consume(state.workspace.step());
    }
  }

  /**
   * {@value #PLAIN_ATOMS} atoms of the plain pursuit.
   *
   * @param state the prepared pursuit
   * @param sink consumes the atoms
   */
  @Benchmark
  @OperationsPerInvocation(PLAIN_ATOMS)
  public void plain(Plain state, Blackhole sink) {
    for (int i = 0; i < PLAIN_ATOMS; i++) {
      sink.consume(state.pursuit.step());
    }
  }
}
