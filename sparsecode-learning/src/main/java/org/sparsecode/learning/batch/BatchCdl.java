package org.sparsecode.learning.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.learning.LearnListener;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.api.solver.WarmStartableSolver;
import org.sparsecode.core.fft.DoubleFft2d;
import org.sparsecode.core.fft.ParallelLoop;
import org.sparsecode.core.solver.admm.AutoRhoSettings;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;

/**
 * Batch convolutional dictionary learning on a fixed image set, after SPORCO's {@code dictlrn.cbpdndl
 * .ConvBPDNDictLearn} with {@code dmethod = 'ism'} (Wohlberg 2016; Garcia-Cardona and Wohlberg 2018,
 * "Convolutional dictionary learning: a comparative review and new algorithms", IEEE TCI 4(3)): minimises
 * {@code ½ Σ_i ‖Σ_k d_k * x_ik − s_i‖² + λ Σ_ik ‖x_ik‖₁} subject to unit-norm atoms supported on the k×k
 * top-left block, by alternating, for each outer iteration:
 * <ol>
 *   <li>sparse coding: {@code sparseIterations} iterations of CBPDN ({@link ConvBpdnAdmm}, SPORCO's ADMM, with
 *       the AutoRho options SPORCO's dictionary learning gives it) on every image with the current dictionary,
 *       warm-started from the image's previous code when the solver is a
 *       {@link WarmStartableSolver} (cold otherwise); the new code replaces the one the dictionary update uses
 *       only if it has a lower objective with the current dictionary (a monotone safeguard: a few ADMM iterations
 *       can do worse than the previous code), so the objective never increases — the solver itself goes on
 *       from its own latest code;
 *   <li>dictionary update: {@code dictionaryIterations} iterations of the constrained MOD ADMM in the DFT domain
 *       with iterated Sherman–Morrison over the images ({@link CcmodAdmm}), its variables carried over.
 * </ol>
 * The initial dictionary is projected (unit norm, zero mean if asked) first. After each outer iteration the
 * listener receives the objective at the codes just computed and the updated dictionary.
 *
 * <p>Unlike SPORCO, which interleaves single ADMM iterations and couples the two problems through their
 * auxiliary variables, each stage here runs a few iterations and hands over the exactly sparse CBPDN code (Y)
 * and the feasible dictionary (Y of the dictionary ADMM): the objective reported is the true one at feasible
 * points.
 *
 * <p>Memory: every image, its code (sparse) and the code spectra of all images (N·K half spectra, float64) are
 * held at once: batch CDL is for small fixed sets (a few images of a few hundred pixels a side); use
 * {@code online-cdl} for large sets. All images must have the same size and be grey. Deterministic (no
 * randomness), and the same on any thread count.
 */
public final class BatchCdl implements DictionaryLearner {
  /**
   * SPORCO's {@code ConvBPDNOptionsDefaults} for dictionary learning ({@code dictlrn/cbpdndl.py}): AutoRho every
   * 10 iterations by a factor 2, residual ratio 10, target 1, no auto-scaling. (The stand-alone CBPDN default,
   * period 1 with factors up to 1000, makes the codes of a few iterations erratic.)
   */
  public static final AutoRhoSettings DICTLRN_AUTO_RHO = new AutoRhoSettings(true, 10, 10.0, 1.0, 2.0, false);
  private final BatchCdlSettings settings;
  private final Precision precision;
  private final int threads;

  /**
   * Creates the learner.
   *
   * @param settings the validated settings
   * @param precision the arithmetic of the sparse-coding step (the dictionary update is float64)
   * @param threads worker threads, at least 1
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public BatchCdl(BatchCdlSettings settings, Precision precision, int threads) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.precision = Objects.requireNonNull(precision, "precision");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
  }

  /**
   * The settings.
   *
   * @return the resolved settings
   */
  public BatchCdlSettings settings() {
    return settings;
  }

  /**
   * Learns.
   *
   * @param initial the starting kernels
   * @param images the training set, read once and held in memory; grey, all the same size, at least as large
   *     as the kernels
   * @param listener receives the objective after each outer iteration
   * @return the learned dictionary (unit-norm atoms, unknown kernel parameters)
   * @throws IllegalArgumentException if the set is empty, an image is not grey, sizes differ, or an image is
   *     smaller than the kernels
   */
  @Override
  public Dictionary learn(Dictionary initial, ImageSource images, LearnListener listener) {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(listener, "listener");
    List<Image> set = load(images, initial.size());
    int n = set.size();
    int height = set.get(0).height();
    int width = set.get(0).width();
    DoubleFft2d fft = new DoubleFft2d(height, width);
    int len = fft.spectrumLength();
    double[][] imageSpectra = new double[n][len];
    for (int i = 0; i < n; i++) {
      fft.forward(set.get(i).pixels(), 0, imageSpectra[i], 0, fft.newWork());
    }
    CbpdnAdmmSettings coding = new CbpdnAdmmSettings(settings.lambda(), settings.sparseIterations(), null, null,
        null, settings.rho(), null, null, DICTLRN_AUTO_RHO);
    SparseSolver solver = new ConvBpdnAdmm(coding, precision, threads);
    SparseCode[] codes = new SparseCode[n];
    SparseCode[] latest = new SparseCode[n];
    double[][] codeSpectra = new double[n][Math.multiplyExact(initial.count(), len)];
    try (ParallelLoop loop = new ParallelLoop(threads)) {
      CcmodAdmm update = new CcmodAdmm(initial, height, width, settings.sigma(), settings.zeroMean(), loop);
      Dictionary dictionary = update.dictionary();
      int total = settings.outerIterations();
      for (int t = 0; t < total; t++) {
        for (int i = 0; i < n; i++) {
          latest[i] = code(solver, dictionary, set.get(i), latest[i]);
          // Monotone safeguard: a few ADMM iterations can code worse than the accepted code does with the new
          // dictionary; the dictionary update keeps the better of the two, so the objective never increases,
          // while the solver goes on from its own latest code (which is accepted once it is better).
          if (codes[i] == null || imageObjective(dictionary, set.get(i), latest[i], settings.lambda())
              <= imageObjective(dictionary, set.get(i), codes[i], settings.lambda())) {
            codes[i] = latest[i];
            spectra(codes[i], fft, codeSpectra[i], loop);
          }
        }
        update.setCodes(codeSpectra, imageSpectra);
        update.iterate(settings.dictionaryIterations());
        dictionary = update.dictionary();
        listener.onStep(t, total, objective(dictionary, set, codes, settings.lambda()));
      }
      return dictionary;
    }
  }

  private static SparseCode code(SparseSolver solver, Dictionary d, Image image, SparseCode previous) {
    if (previous != null && solver instanceof WarmStartableSolver warm) {
      return warm.solve(d, image, previous, SolveListener.NONE).code();
    }
    return solver.solve(d, image, SolveListener.NONE).code();
  }

  /** The K half spectra of a code's dense maps. */
  private static void spectra(SparseCode code, DoubleFft2d fft, double[] out, ParallelLoop loop) {
    double[] dense = code.toDense();
    int plane = code.height() * code.width();
    int len = fft.spectrumLength();
    double[][] work = new double[loop.threads()][];
    loop.forEach(code.count(), (w, k) -> {
      if (work[w] == null) {
        work[w] = fft.newWork();
      }
      fft.forward(dense, k * plane, out, k * len, work[w]);
    });
  }

  /**
   * The batch objective {@code ½ Σ_i ‖Σ_k d_k * x_ik − s_i‖² + λ Σ_i ‖x_i‖₁}.
   *
   * @param d the dictionary
   * @param images the images
   * @param codes one code per image
   * @param lambda λ
   * @return the objective
   */
  static double objective(Dictionary d, List<Image> images, SparseCode[] codes, double lambda) {
    double sum = 0;
    for (int i = 0; i < images.size(); i++) {
      sum += imageObjective(d, images.get(i), codes[i], lambda);
    }
    return sum;
  }

  /** {@code ½‖Σ_k d_k * x_k − s‖² + λ‖x‖₁} for one image. */
  static double imageObjective(Dictionary d, Image image, SparseCode code, double lambda) {
    double[] rec = code.reconstruct(d);
    double[] s = image.pixels();
    double ss = 0;
    for (int q = 0; q < rec.length; q++) {
      double r = rec[q] - s[q];
      ss += r * r;
    }
    return 0.5 * ss + lambda * code.l1();
  }

  private static List<Image> load(ImageSource images, int kernelSize) {
    if (images.size() < 1) {
      throw new IllegalArgumentException("batch-cdl needs at least one image, the source is empty");
    }
    List<Image> set = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      Image img = images.get(i);
      if (!img.isGrey()) {
        throw new IllegalArgumentException("batch-cdl learns from grey images; image " + img.id() + " has "
            + img.channels() + " channels (add a grey preprocessing step)");
      }
      if (!set.isEmpty() && (img.height() != set.get(0).height() || img.width() != set.get(0).width())) {
        throw new IllegalArgumentException("batch-cdl needs images of one size: " + img.id() + " is "
            + img.height() + "x" + img.width() + ", " + set.get(0).id() + " is " + set.get(0).height() + "x"
            + set.get(0).width() + " (add a resize or crop step)");
      }
      if (img.height() < kernelSize || img.width() < kernelSize) {
        throw new IllegalArgumentException("image " + img.id() + " (" + img.height() + "x" + img.width()
            + ") is smaller than the " + kernelSize + "x" + kernelSize + " kernels");
      }
      set.add(img);
    }
    return set;
  }
}
