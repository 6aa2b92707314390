package org.sparsecode.core.solver.mp;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.core.fft.DoubleDictionarySpectra;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The textbook convolutional matching pursuit, exactly the fixtures README §5 loop: after each atom the whole
 * residual is re-correlated with every unit kernel by FFT and the map rescanned for its first maximum. It
 * costs {@code O(K H W log(H W))} per atom; kept (not a plugin) as the reference that
 * {@link MatchingPursuit} must agree with atom for atom and as the baseline of its benchmark.
 *
 * <p>Not thread-safe; close it to stop its threads.
 */
public final class PlainMatchingPursuit implements AutoCloseable {
  private final int count;
  private final int size;
  private final int height;
  private final int width;
  private final double[] unit;
  private final double[] residual;
  private final double[] corr;
  private final DoubleDictionarySpectra spectra;
  private final ParallelLoop loop;
  private int step;

  /**
   * Normalises the kernels and transforms them.
   *
   * @param dictionary the kernels (none zero)
   * @param image the grey image to code
   * @param threads workers for the correlations
   * @throws IllegalArgumentException if a kernel is zero, the image is not grey or is smaller than the kernels
   */
  public PlainMatchingPursuit(Dictionary dictionary, Image image, int threads) {
    Pursuits.check("plain matching pursuit", dictionary, image, null, 1);
    this.count = dictionary.count();
    this.size = dictionary.size();
    this.height = image.height();
    this.width = image.width();
    int k2 = size * size;
    this.unit = new double[count * k2];
    for (int k = 0; k < count; k++) {
      double n = dictionary.norm(k);
      if (!(n > 0)) {
        throw new IllegalArgumentException("kernel " + k + " of the dictionary has norm " + n);
      }
      for (int i = 0; i < k2; i++) {
        unit[k * k2 + i] = dictionary.kernels()[k * k2 + i] / n;
      }
    }
    this.residual = image.pixels().clone();
    this.corr = new double[count * height * width];
    this.spectra = new DoubleDictionarySpectra(Dictionary.of(size, count, unit), height, width);
    this.loop = new ParallelLoop(threads);
  }

  /**
   * Re-correlates the residual with every kernel, takes the first maximum of {@code |corr|} and subtracts
   * the atom.
   *
   * @return the atom (coefficient for the unit kernel) and {@code ‖r‖} after it
   * @throws SolverException if the coefficient is NaN or infinite
   */
  public Atom step() {
    spectra.correlate(residual, corr, loop);
    int at = 0;
    double best = -1;
    for (int i = 0; i < corr.length; i++) {
      double a = Math.abs(corr[i]);
      if (a > best) {
        best = a;
        at = i;
      }
    }
    double c = corr[at];
    if (!Double.isFinite(c)) {
      throw new SolverException(step, "plain matching pursuit: coefficient " + c);
    }
    int plane = height * width;
    int k = at / plane;
    int y = (at - k * plane) / width;
    int x = at - k * plane - y * width;
    for (int i = 0; i < size; i++) {
      int row = ((y + i) % height) * width;
      for (int j = 0; j < size; j++) {
        residual[row + (x + j) % width] -= c * unit[(k * size + i) * size + j];
      }
    }
    double s = 0;
    for (double v : residual) {
      s += v * v;
    }
    step++;
    return new Atom(k, y, x, c, Math.sqrt(s));
  }

  /**
   * A copy of the residual.
   *
   * @return {@code H × W} values
   */
  public double[] residual() {
    return residual.clone();
  }

  @Override
  public void close() {
    loop.close();
  }
}
