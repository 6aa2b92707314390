package org.sparsecode.learning.online;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.learning.LearnListener;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.core.solver.admm.AutoRhoSettings;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;
import org.sparsecode.learning.checkpoint.Checkpointable;
import org.sparsecode.learning.checkpoint.LearningCheckpoint;

/**
 * Online convolutional dictionary learning, SPORCO's {@code OnlineConvBPDNDictLearn}
 * ({@code sporco/dictlrn/onlinecdl.py}). The initial dictionary is projected first ({@code Pcn}: optional
 * zero mean, unit ℓ2 norm, a norm of 0 left as is). Step j:
 *
 * <ol>
 *   <li>codes each image of the step with a NEW {@code cbpdn-admm} (Y = U = 0, fixed ρ, no AutoRho), Z = its
 *       exactly sparse Y;</li>
 *   <li>on the whole periodic image: R̂ = Σ_k Ẑ_k D̂_k − Ŝ and ĝ_k = conj(Ẑ_k) R̂ (D̂_k: atom k zero-padded with
 *       its support at the top-left), summed over a minibatch;</li>
 *   <li>G = D − η·IDFT(ĝ), η = etaA / (etaB + j) ({@code stepSize: paper}) or stepScale / L_D with
 *       L_D = max_f Σ_k |Ẑ_k(f)|² ({@code lipschitz});</li>
 *   <li>D = Pcn(G): each atom's top-left k×k block, normalised.</li>
 * </ol>
 *
 * <p>Images are read from the source one step at a time (never all at once); a step holds one CBPDN
 * workspace and O(H·W) spectra for the gradient, computed kernel by kernel. The CBPDN runs in the context's
 * precision; the dictionary update is float64. Image draws are derived from (seed, draw index) only, so a run
 * resumed from a checkpoint (step index + dictionary) continues bit for bit as an uninterrupted one.
 */
public final class OnlineCdl implements DictionaryLearner, Checkpointable {
  /** Weyl increment separating the per-draw generator seeds (SplittableRandom's golden gamma). */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private final OnlineCdlSettings settings;
  private final Precision precision;
  private final int threads;
  private final long seed;
  private final Path checkpointDirectory;

  /**
   * Creates the learner.
   *
   * @param settings the settings
   * @param context precision, threads and seed
   */
  public OnlineCdl(OnlineCdlSettings settings, PluginContext context) {
    this(settings, context.precision(), context.threads(), context.seed(), null);
  }

  private OnlineCdl(OnlineCdlSettings settings, Precision precision, int threads, long seed, Path checkpoints) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.precision = Objects.requireNonNull(precision, "precision");
    this.threads = threads;
    this.seed = seed;
    this.checkpointDirectory = checkpoints;
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public OnlineCdlSettings settings() {
    return settings;
  }

  @Override
  public OnlineCdl checkpointingTo(Path directory) {
    return new OnlineCdl(settings, precision, threads, seed, Objects.requireNonNull(directory, "directory"));
  }

  /**
   * Learns {@code settings.steps()} steps; with a checkpoint directory, resumes from a matching checkpoint
   * found there (its steps' objectives are reported to the listener again first, so the listener always sees
   * the whole trace) and writes one every {@code checkpointEvery} steps and after the last.
   */
  @Override
  public Dictionary learn(Dictionary initial, ImageSource images, LearnListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (images.size() < 1) {
      throw new SparsecodeException("online-cdl: the image source is empty");
    }
    int steps = settings.steps();
    String fingerprint = fingerprint(initial, images.size());
    double[] objective = new double[steps];
    Dictionary d = null;
    int start = 0;
    if (checkpointDirectory != null) {
      Optional<LearningCheckpoint> cp = LearningCheckpoint.read(checkpointDirectory);
      if (cp.isPresent() && cp.get().fingerprint().equals(fingerprint) && cp.get().step() <= steps) {
        d = cp.get().dictionary();
        start = cp.get().step();
        System.arraycopy(cp.get().objective(), 0, objective, 0, start);
        for (int j = 0; j < start; j++) {
          listener.onStep(j, steps, objective[j]);
        }
      }
    }
    if (d == null) {
      d = project(initial, settings.zeroMean());
    }
    int every = settings.checkpointEvery();
    for (int j = start; j < steps; j++) {
      OnlineCdlStep s = step(d, draw(images, j), j);
      d = s.dictionary();
      objective[j] = s.objective();
      if (checkpointDirectory != null && every > 0 && ((j + 1) % every == 0 || j + 1 == steps)) {
        new LearningCheckpoint(j + 1, d, Arrays.copyOf(objective, j + 1), fingerprint)
            .write(checkpointDirectory);
      }
      listener.onStep(j, steps, s.objective());
    }
    return d;
  }

  /**
   * The images of step j: their source indices are {@code (j · minibatch + b) mod n} ({@code sequential}) or
   * drawn uniformly with replacement ({@code random}) from a generator seeded by (seed, j · minibatch + b),
   * which also places the crop when {@code crop} is set.
   *
   * @param images the source
   * @param j the step index
   * @return the minibatch, each image grey and cropped as configured
   */
  public List<Image> draw(ImageSource images, int j) {
    int n = images.size();
    List<Image> batch = new ArrayList<>(settings.minibatch());
    for (int b = 0; b < settings.minibatch(); b++) {
      long t = (long) j * settings.minibatch() + b;
      SplittableRandom rng = new SplittableRandom(new SplittableRandom(seed + t * GOLDEN_GAMMA).nextLong());
      int index = settings.randomOrder() ? rng.nextInt(n) : (int) (t % n);
      batch.add(crop(images.get(index), rng));
    }
    return batch;
  }

  private Image crop(Image image, SplittableRandom rng) {
    if (!image.isGrey()) {
      throw new SparsecodeException("online-cdl codes grey images; image " + image.id() + " has "
          + image.channels() + " channels: add a grey conversion to images.preprocess");
    }
    int c = settings.cropSize();
    if (c == 0) {
      return image;
    }
    if (c > image.width() || c > image.height()) {
      throw new SparsecodeException("online-cdl: learning.crop " + c + " is larger than image " + image.id() + " ("
          + image.height() + "x" + image.width() + ")");
    }
    int y0 = rng.nextInt(image.height() - c + 1);
    int x0 = rng.nextInt(image.width() - c + 1);
    double[] px = new double[c * c];
    for (int y = 0; y < c; y++) {
      System.arraycopy(image.pixels(), (y0 + y) * image.width() + x0, px, y * c, c);
    }
    return Image.grey(image.id() + "@" + y0 + "," + x0, c, c, px);
  }

  /**
   * One step from dictionary {@code d} (already projected) on the given images.
   *
   * @param d the current dictionary
   * @param batch the step's images (grey)
   * @param j the step index (sets η_j for {@code stepSize: paper})
   * @return the new dictionary and the step's statistics
   */
  public OnlineCdlStep step(Dictionary d, List<Image> batch, int j) {
    int k = d.size();
    int count = d.count();
    double[] gradient = new double[count * k * k];
    double outside = 0;
    double lipschitz = 0;
    double obj = 0;
    double fid = 0;
    double reg = 0;
    double primal = 0;
    double dual = 0;
    double rho = settings.rho();
    int iterations = 0;
    ConvBpdnAdmm solver = new ConvBpdnAdmm(cbpdnSettings(), precision, threads);
    for (Image image : batch) {
      CodingResult coded = solver.solve(d, image, SolveListener.NONE);
      IterationStats last = coded.stats().get(coded.stats().size() - 1);
      obj += last.objective();
      fid += last.dataFidelity();
      reg += last.regularization();
      primal = Math.max(primal, last.primalResidual());
      dual = Math.max(dual, last.dualResidual());
      rho = last.penalty();
      iterations += coded.iterations();
      DataTermGradient.Sums g = DataTermGradient.accumulate(d, image, coded.code(), gradient, false);
      lipschitz += g.lipschitz();
      outside += g.outsideEnergy();
    }
    double eta;
    if (settings.lipschitzStep()) {
      eta = lipschitz > 0 ? settings.stepScale() / lipschitz : 0.0;
    } else {
      eta = settings.etaA() / (settings.etaB() + j);
    }
    double[] old = d.kernels();
    double[] next = new double[old.length];
    for (int i = 0; i < next.length; i++) {
      next[i] = old[i] - eta * gradient[i];
    }
    double[] projected = projectKernels(next, k, count, settings.zeroMean());
    double cnstr = 0;
    double delta = 0;
    for (int i = 0; i < next.length; i++) {
      double c = projected[i] - next[i];
      cnstr += c * c;
      double e = projected[i] - old[i];
      delta += e * e;
    }
    cnstr = Math.sqrt(cnstr + eta * eta * outside);
    return new OnlineCdlStep(j, Dictionary.of(k, count, projected), obj, fid, reg, primal, dual, rho, cnstr,
        Math.sqrt(delta), eta, lipschitz, iterations);
  }

  private CbpdnAdmmSettings cbpdnSettings() {
    return new CbpdnAdmmSettings(settings.lambda(), settings.maxIterations(), settings.relStopTol(), 0.0,
        settings.relaxation(), settings.rho(), 1.0, settings.nonNegative(), AutoRhoSettings.disabled());
  }

  /**
   * SPORCO's {@code Pcn} for a dictionary whose atoms already have their final size: optional mean
   * subtraction, then division by the ℓ2 norm (a norm of exactly 0 is replaced by 1).
   *
   * @param d the dictionary
   * @param zeroMean whether to subtract each atom's mean first
   * @return the projected dictionary (kernel parameters dropped)
   */
  public static Dictionary project(Dictionary d, boolean zeroMean) {
    return Dictionary.of(d.size(), d.count(), projectKernels(d.kernels(), d.size(), d.count(), zeroMean));
  }

  private static double[] projectKernels(double[] kernels, int k, int count, boolean zeroMean) {
    double[] out = kernels.clone();
    int n = k * k;
    for (int j = 0; j < count; j++) {
      int base = j * n;
      if (zeroMean) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
          mean += out[base + i];
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
          out[base + i] -= mean;
        }
      }
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += out[base + i] * out[base + i];
      }
      double norm = Math.sqrt(s);
      if (norm == 0.0) {
        norm = 1.0;
      }
      for (int i = 0; i < n; i++) {
        out[base + i] /= norm;
      }
    }
    return out;
  }

  /** What determines the run except its length: a resumed run must match it. */
  private String fingerprint(Dictionary initial, int imageCount) {
    OnlineCdlSettings s = settings;
    String text = "online-cdl|" + new OnlineCdlSettings(1, s.lambda(), s.rho(), s.etaA(), s.etaB(), s.stepSize(),
        s.stepScale(), s.maxIterations(), s.relStopTol(), s.relaxation(), s.imageOrder(), s.minibatch(), 0,
        s.crop(), s.zeroMean(), s.nonNegative()) + "|seed=" + seed + "|precision=" + precision + "|images="
        + imageCount + "|kernels=" + initial.count() + "x" + initial.size();
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(text.getBytes(StandardCharsets.UTF_8));
      ByteBuffer buf = ByteBuffer.allocate(8 * initial.kernels().length);
      buf.asDoubleBuffer().put(initial.kernels());
      md.update(buf.array());
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
