package org.sparsecode.learning.online;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.api.solver.WarmStartableSolver;
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
 *       exactly sparse Y; or with the solver of the settings' {@code solver} block (any plugin) instead;</li>
 *   <li>on the whole periodic image: R̂ = Σ_k Ẑ_k D̂_k − Ŝ and ĝ_k = conj(Ẑ_k) R̂ (D̂_k: atom k zero-padded with
 *       its support at the top-left), summed over a minibatch;</li>
 *   <li>G = D − η·IDFT(ĝ), η = etaA / (etaB + j) ({@code stepSize: paper}) or stepScale / L_D with
 *       L_D = max_f Σ_k |Ẑ_k(f)|² ({@code lipschitz});</li>
 *   <li>D = Pcn(G): each atom's top-left k×k block, normalised.</li>
 * </ol>
 *
 * <p>A {@code solver} block's solver is created once and serves every step. When it is a {@link
 * WarmStartableSolver} with a λ, {@code crop} is {@code none} and {@code warmStart} is not false, each image
 * is coded from its last code (its code at an earlier step, under a dictionary that has changed little since).
 * The remembered codes are dropped every {@code checkpointEvery} steps, where a checkpoint is written, so that a
 * resumed run (which starts with none) continues as the uninterrupted one. Greedy solvers (no λ) are always
 * started from zero: from a code a pursuit adds atoms instead of refining it.
 *
 * <p>The dictionary step's gradient is a {@link DictionaryGradient} ({@link DictionaryGradient#cpu()} unless
 * {@link #withDictionaryGradient} sets another backend; the plugin sets the one a {@link
 * DictionaryGradientProvider} gives for the block's solver).
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
  /** The solver of the settings' block, or null for the default cbpdn-admm from the flat keys. */
  private final SparseSolver solver;
  private final DictionaryGradient gradient;

  /**
   * Creates the learner with the default solver ({@code cbpdn-admm} from the flat keys).
   *
   * @param settings the settings, without a {@code solver} block
   * @param context precision, threads and seed
   * @throws IllegalArgumentException if the settings have a solver block (use the other constructor)
   */
  public OnlineCdl(OnlineCdlSettings settings, PluginContext context) {
    this(settings, context, null);
  }

  /**
   * Creates the learner.
   *
   * @param settings the settings
   * @param context precision, threads and seed
   * @param solver the solver created from the settings' {@code solver} block, or null when they have none
   * @throws IllegalArgumentException if a solver is given without a block in the settings, or the reverse
   */
  public OnlineCdl(OnlineCdlSettings settings, PluginContext context, SparseSolver solver) {
    this(settings, context.precision(), context.threads(), context.seed(), null, solver,
        DictionaryGradient.cpu());
    if (settings.hasSolverBlock() != (solver != null)) {
      throw new IllegalArgumentException(settings.hasSolverBlock()
          ? "the settings have a solver block but no solver was given"
          : "a solver was given but the settings have no solver block");
    }
  }

  private OnlineCdl(OnlineCdlSettings settings, Precision precision, int threads, long seed, Path checkpoints,
      SparseSolver solver, DictionaryGradient gradient) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.precision = Objects.requireNonNull(precision, "precision");
    this.threads = threads;
    this.seed = seed;
    this.checkpointDirectory = checkpoints;
    this.solver = solver;
    this.gradient = Objects.requireNonNull(gradient, "gradient");
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
    return new OnlineCdl(settings, precision, threads, seed, Objects.requireNonNull(directory, "directory"),
        solver, gradient);
  }

  /**
   * The same learner with another backend for the dictionary step's gradient.
   *
   * @param backend computes the data-term gradient of a step's images
   * @return a new learner
   */
  public OnlineCdl withDictionaryGradient(DictionaryGradient backend) {
    return new OnlineCdl(settings, precision, threads, seed, checkpointDirectory, solver, backend);
  }

  /**
   * The dictionary step's backend.
   *
   * @return the gradient's backend ({@link DictionaryGradient#cpu()} unless set)
   */
  public DictionaryGradient dictionaryGradient() {
    return gradient;
  }

  /**
   * Whether images are coded from their last code: a block's {@link WarmStartableSolver} with a λ, whole images,
   * {@code warmStart} true.
   *
   * @return whether {@link #learn} warm-starts
   */
  public boolean warmStarts() {
    return solver instanceof WarmStartableSolver && !Double.isNaN(solver.lambda()) && settings.cropSize() == 0
        && Boolean.TRUE.equals(settings.warmStart());
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
    Map<String, SparseCode> lastCodes = warmStarts() ? new HashMap<>() : null;
    for (int j = start; j < steps; j++) {
      if (lastCodes != null && every > 0 && j % every == 0) {
        // a checkpoint boundary: a run resumed here starts without codes, so the uninterrupted one does too
        lastCodes.clear();
      }
      OnlineCdlStep s = step(d, draw(images, j), j, lastCodes);
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
    return step(d, batch, j, null);
  }

  /**
   * One step, coding each image from its code in {@code lastCodes} (when there is one of its shape) and
   * putting its new code there.
   *
   * @param lastCodes codes by image (id and size), or null to code from zero
   */
  private OnlineCdlStep step(Dictionary d, List<Image> batch, int j, Map<String, SparseCode> lastCodes) {
    int k = d.size();
    int count = d.count();
    double[] grad = new double[count * k * k];
    double outside = 0;
    double lipschitz = 0;
    double obj = 0;
    double fid = 0;
    double reg = 0;
    double primal = 0;
    double dual = 0;
    double rho = solver == null ? settings.rho() : Double.NaN;
    int iterations = 0;
    SparseSolver coder = solver != null ? solver : new ConvBpdnAdmm(cbpdnSettings(), precision, threads);
    List<SparseCode> codes = new ArrayList<>(batch.size());
    for (Image image : batch) {
      String key = image.id() + "|" + image.height() + "x" + image.width();
      SparseCode from = lastCodes == null ? null : lastCodes.get(key);
      CodingResult coded = from != null && from.count() == d.count()
          ? ((WarmStartableSolver) coder).solve(d, image, from, SolveListener.NONE)
          : coder.solve(d, image, SolveListener.NONE);
      if (lastCodes != null) {
        lastCodes.put(key, coded.code());
      }
      IterationStats last = coded.stats().isEmpty() ? null : coded.stats().get(coded.stats().size() - 1);
      double objective = last == null ? Double.NaN : last.objective();
      if (!Double.isFinite(objective)) {
        // a solver that reports no objective: the block's objective of its code, computed here
        double lambda = Double.isNaN(coder.lambda()) ? 0 : coder.lambda();
        double data = DataTermGradient.accumulate(d, image, coded.code(), null, true).value();
        obj += data + lambda * coded.code().l1();
        fid += data;
        reg += coded.code().l1();
      } else {
        obj += objective;
        fid += last.dataFidelity();
        reg += last.regularization();
      }
      if (last != null) {
        primal = Math.max(primal, last.primalResidual());
        dual = Math.max(dual, last.dualResidual());
        rho = last.penalty();
      }
      iterations += coded.iterations();
      codes.add(coded.code());
    }
    DataTermGradient.Sums g = gradient.accumulate(d, batch, codes, grad);
    lipschitz += g.lipschitz();
    outside += g.outsideEnergy();
    double eta;
    if (settings.lipschitzStep()) {
      eta = lipschitz > 0 ? settings.stepScale() / lipschitz : 0.0;
    } else {
      eta = settings.etaA() / (settings.etaB() + j);
    }
    double[] old = d.kernels();
    double[] next = new double[old.length];
    for (int i = 0; i < next.length; i++) {
      next[i] = old[i] - eta * grad[i];
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
    OnlineCdlSettings copy = new OnlineCdlSettings(1, s.lambda(), s.rho(), s.etaA(), s.etaB(), s.stepSize(),
        s.stepScale(), s.maxIterations(), s.relStopTol(), s.relaxation(), s.imageOrder(), s.minibatch(), 0,
        s.crop(), s.zeroMean(), s.nonNegative(), s.solver(), s.warmStart());
    // without a solver block, the text the settings had before there was one, and with one the text before
    // warmStart when it is the default: older checkpoints still match
    String text = "online-cdl|" + copy.toString().replace(", solver=null, warmStart=null]", "]")
        .replace(", warmStart=true]", "]") + "|seed=" + seed + "|precision="
        + precision + "|images=" + imageCount + "|kernels=" + initial.count() + "x" + initial.size();
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
