package org.sparsecode.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;

/**
 * The small, seeded coding problems the contract runs on: a dictionary of {@value #KERNELS} random unit-norm
 * {@value #KERNEL_SIZE}×{@value #KERNEL_SIZE} kernels and images of {@value #HEIGHT}×{@value #WIDTH} (not square,
 * so that a solver which swaps rows and columns fails the shape check).
 *
 * <p>Both images are built from atoms whose amplitudes are multiples of a scale, the solver's λ (0.05 for
 * solvers without one): the ℓ1 problem with image {@code c·s} and weight {@code c·λ} has the solution {@code c·x}
 * of the problem {@code (s, λ)}, so every λ meets the same problem.
 *
 * <ul>
 *   <li>{@link #planted(double)}: {@value #PLANTED_COUNT} atoms whose supports do not overlap, amplitudes 20λ to
 *       40λ, no noise. The atoms are orthogonal, so the ℓ1 minimiser is exactly the planted support with each
 *       amplitude shrunk by λ ({@code a − λ·sign(a)}) as long as every other atom correlates with the residual
 *       by less than λ (the kit's own tests check that the reference solver finds exactly that).
 *   <li>{@link #busy(double)}: the planted atoms, {@value #EXTRA_ATOMS} more at seeded random places (overlapping),
 *       amplitudes 5λ to 30λ of either sign, and seeded Gaussian noise of standard deviation 0.3λ.
 * </ul>
 */
public final class ContractProblems {
  /** Number of kernels K. */
  public static final int KERNELS = 6;
  /** Kernel side k. */
  public static final int KERNEL_SIZE = 8;
  /** Image rows H. */
  public static final int HEIGHT = 32;
  /** Image columns W. */
  public static final int WIDTH = 40;
  /** Number of planted atoms in {@link #planted(double)}. */
  public static final int PLANTED_COUNT = 5;
  /** Number of further random atoms in {@link #busy(double)}. */
  public static final int EXTRA_ATOMS = 16;
  /** The image scale for solvers without a λ. */
  public static final double SCALE_WITHOUT_LAMBDA = 0.05;

  private static final long DICTIONARY_SEED = 20_160_501L;
  private static final long BUSY_SEED = 7L;
  // kernel, row, column, amplitude in units of the scale: the 8×8 supports of these five do not overlap
  private static final int[][] PLANTED = {
      {0, 1, 2, 20}, {3, 2, 18, -25}, {1, 13, 30, 30}, {5, 16, 6, -35}, {2, 23, 20, 40}};

  private ContractProblems() {}

  /**
   * One atom of a synthetic image.
   *
   * @param kernel the kernel k
   * @param y the row of the kernel's {@code [0, 0]} element
   * @param x the column of the kernel's {@code [0, 0]} element
   * @param amplitude the coefficient
   */
  public record Atom(int kernel, int y, int x, double amplitude) {

    /**
     * The flat index of this atom's coefficient in a code of the contract's shape.
     *
     * @return {@code (kernel * HEIGHT + y) * WIDTH + x}
     */
    public int index() {
      return (kernel * HEIGHT + y) * WIDTH + x;
    }
  }

  /**
   * The image scale for a solver: its λ, or {@value #SCALE_WITHOUT_LAMBDA} when it has none.
   *
   * @param lambda the solver's {@code lambda()}
   * @return a positive scale
   */
  public static double scale(double lambda) {
    return Double.isNaN(lambda) ? SCALE_WITHOUT_LAMBDA : lambda;
  }

  /**
   * {@value #KERNELS} seeded random unit-norm kernels of {@value #KERNEL_SIZE}×{@value #KERNEL_SIZE} (a fresh
   * array on every call).
   *
   * @return the dictionary
   */
  public static Dictionary dictionary() {
    SplittableRandom rng = new SplittableRandom(DICTIONARY_SEED);
    int area = KERNEL_SIZE * KERNEL_SIZE;
    double[] d = new double[KERNELS * area];
    for (int k = 0; k < KERNELS; k++) {
      double norm = 0;
      for (int i = 0; i < area; i++) {
        double v = rng.nextGaussian();
        d[k * area + i] = v;
        norm += v * v;
      }
      double inv = 1 / Math.sqrt(norm);
      for (int i = 0; i < area; i++) {
        d[k * area + i] *= inv;
      }
    }
    return Dictionary.of(KERNEL_SIZE, KERNELS, d);
  }

  /**
   * The planted atoms of {@link #planted(double)}, amplitudes 20 to 40 times the scale, alternating in sign.
   *
   * @param scale the solver's λ (see {@link #scale(double)})
   * @return {@value #PLANTED_COUNT} atoms
   */
  public static List<Atom> plantedAtoms(double scale) {
    List<Atom> atoms = new ArrayList<>();
    for (int[] p : PLANTED) {
      atoms.add(new Atom(p[0], p[1], p[2], p[3] * scale));
    }
    return atoms;
  }

  /**
   * The noise-free image of the planted atoms.
   *
   * @param scale the solver's λ (see {@link #scale(double)})
   * @return a grey {@value #HEIGHT}×{@value #WIDTH} image
   */
  public static Image planted(double scale) {
    return Image.grey("planted", WIDTH, HEIGHT, Objective.reconstruct(dictionary(), code(plantedAtoms(scale))));
  }

  /**
   * The planted atoms, {@value #EXTRA_ATOMS} overlapping random ones and a little noise.
   *
   * @param scale the solver's λ (see {@link #scale(double)})
   * @return a grey {@value #HEIGHT}×{@value #WIDTH} image
   */
  public static Image busy(double scale) {
    SplittableRandom rng = new SplittableRandom(BUSY_SEED);
    List<Atom> atoms = new ArrayList<>(plantedAtoms(scale));
    for (int i = 0; i < EXTRA_ATOMS; i++) {
      double amplitude = (5 + 25 * rng.nextDouble()) * scale * (rng.nextBoolean() ? 1 : -1);
      atoms.add(new Atom(rng.nextInt(KERNELS), rng.nextInt(HEIGHT), rng.nextInt(WIDTH), amplitude));
    }
    double[] p = Objective.reconstruct(dictionary(), code(atoms));
    for (int i = 0; i < p.length; i++) {
      p[i] += 0.3 * scale * rng.nextGaussian();
    }
    return Image.grey("busy", WIDTH, HEIGHT, p);
  }

  /**
   * The code holding the given atoms (atoms at the same place add up).
   *
   * @param atoms the atoms
   * @return a {@value #KERNELS}×{@value #HEIGHT}×{@value #WIDTH} code
   */
  public static SparseCode code(List<Atom> atoms) {
    double[] dense = new double[KERNELS * HEIGHT * WIDTH];
    for (Atom a : atoms) {
      dense[a.index()] += a.amplitude();
    }
    return SparseCode.fromDense(KERNELS, HEIGHT, WIDTH, dense);
  }
}
