package org.sparsecode.experiments.encode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.api.data.LabelledImages;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.data.CodeArrays;
import org.sparsecode.core.fft.FftBackend;
import org.sparsecode.eval.metric.Measures;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.EncodingSettings;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.PluginChoice;
import org.sparsecode.experiments.results.Summary;
import org.sparsecode.experiments.run.HeapEstimate;
import org.sparsecode.experiments.run.ProgressReporter;

/**
 * Encodes one experiment's labelled set: every image of both splits, coded by the experiment's solver with its
 * dictionary, stored in the code cache ({@link CodeStore}, {@link Layout}) under the codes' {@link CodeKey}.
 *
 * <p>A shard's images are coded in parallel, one image per thread (each solve single-threaded: at the sizes of
 * labelled sets, 28 to 64 pixels a side, images in parallel are faster than a solve spread over threads), and
 * the shard is written when all are done. A shard already in the cache is not coded again: a run killed at any
 * moment resumes with the shard it was coding, and a run that asks for codes another run made reuses them.
 * Each image's code is independent of the others and of the thread count, so the files are the same however
 * the work was split or interrupted (but for the stats' seconds).
 *
 * <p>What is stored per image: the solver's code (for ADMM the thresholded Y) of the preprocessed image, each of
 * its K maps averaged over {@code f × f} blocks ({@code f} = the coded side / {@code encoding.store.size}), in
 * {@code encoding.store.dtype}; with its PSNR (the reconstruction from the full code against the preprocessed
 * image), sparseness (of the full code), iterations and solve seconds.
 */
public final class Encoder {
  private final ExperimentConfig config;
  private final ProgressReporter progress;
  private final int threads;
  private LabelledData data;
  private Dictionary dictionary;
  private SparseSolver solver;
  private Layout layout;
  private CodeKey key;
  private int side;

  /**
   * What an encoding did.
   *
   * @param directory the codes' directory in the cache
   * @param key the codes' key
   * @param layout their layout
   * @param coded the images coded by this run
   * @param reused the images found in the cache
   * @param stats per split, its stats columns ({@link Layout#STATS}), one array per column, every image
   * @param seconds the wall time of the encoding
   */
  public record Outcome(Path directory, CodeKey key, Layout layout, int coded, int reused,
      Map<String, double[][]> stats, double seconds) {

    /**
     * The summary of one stats column over one split, or over both ({@code split == null}).
     *
     * @param split {@code train}, {@code test} or {@code null}
     * @param column a column of {@link Layout#STATS}
     * @return its summary
     */
    public Summary summary(String split, String column) {
      int c = Layout.STATS.indexOf(column);
      if (split != null) {
        return Summary.of(stats.get(split)[c]);
      }
      double[] a = stats.get("train")[c];
      double[] b = stats.get("test")[c];
      double[] all = new double[a.length + b.length];
      System.arraycopy(a, 0, all, 0, a.length);
      System.arraycopy(b, 0, all, a.length, b.length);
      return Summary.of(all);
    }
  }

  /**
   * Creates the encoder; nothing is read before {@link #preflight()}.
   *
   * @param config an experiment with a {@code data:} block
   * @param threads the threads coding images at once, at least 1
   * @param progress where progress goes
   */
  public Encoder(ExperimentConfig config, int threads, ProgressReporter progress) {
    if (!config.encodes()) {
      throw new IllegalArgumentException("experiment " + config.name() + " has no data: block");
    }
    this.config = config;
    this.threads = threads;
    this.progress = progress;
  }

  /**
   * Reads the data set (its files checked whole), generates the dictionary, creates the solver, reads and
   * preprocesses the first training image and checks what can be checked before any coding: the kernels fit
   * the images, the stored size divides the coded side, a shard and the solves fit the heap. Runs once.
   *
   * @return the codes' key
   * @throws ConfigError naming the setting at fault
   * @throws SparsecodeException when a file or an image cannot be read
   */
  public CodeKey preflight() {
    if (key != null) {
      return key;
    }
    useFft();
    PluginContext context = config.context().threads() == threads ? config.context()
        : new PluginContext(config.seed(), config.precision(), threads, config.context().baseDirectory());
    data = create(config.data(), context);
    dictionary = create(config.dictionary(), context).generate();
    // one image per thread: each solve on one thread
    solver = create(config.solver(), new PluginContext(config.seed(), config.precision(), 1,
        context.baseDirectory()));
    LabelledImages train = data.train();
    if (train.size() == 0 || data.test().size() == 0) {
      throw new ConfigError("data: the " + (train.size() == 0 ? "training" : "test") + " split holds no image");
    }
    Image first = train.get(0);
    if (!first.isGrey()) {
      throw new ConfigError("data.preprocess: image '" + first.id() + "' has " + first.channels() + " channels after"
          + " preprocessing; solvers code grey images: add grey to data.preprocess");
    }
    if (first.width() != first.height()) {
      throw new ConfigError("data.preprocess: image '" + first.id() + "' is " + first.width() + "x" + first.height()
          + " after preprocessing; the codes are stored square: resize the images (data.preprocess)");
    }
    side = first.width();
    int k = dictionary.size();
    if (side < k) {
      throw new ConfigError("kernels larger than the images: the images are " + side + "x" + side + " after"
          + " preprocessing, smaller than the " + k + "x" + k + " kernels of the dictionary: use larger images"
          + " (data.size) or smaller kernels (dictionary.size)");
    }
    EncodingSettings e = config.encoding();
    int size = e.store().size() != null ? e.store().size() : data.nativeSize();
    if (size > side || side % size != 0) {
      throw new ConfigError("encoding.store.size: " + size + (e.store().size() == null ? " (the data's native side,"
          + " the default)" : "") + " must divide the coded side " + side + " (data.size): each stored value is the"
          + " mean of an f x f block of the code; give a divisor of " + side + " (" + divisors(side) + ")");
    }
    layout = new Layout(dictionary.count(), size, CodeArrays.Dtype.parse(e.store().dtype()), e.shard(),
        train.size(), data.test().size());
    checkHeap(first);
    key = CodeKey.of(config, data, dictionary, layout);
    return key;
  }

  private void checkHeap(Image first) {
    long shard = layout.bytesPerImage() * Math.min(layout.shard(), Math.max(layout.train(), layout.test()));
    long solve = HeapEstimate.bytes(first.height(), first.width(), dictionary.count(), config.precision(), 1)
        + (long) dictionary.count() * layout.size() * layout.size() * Double.BYTES;
    long need = shard + threads * solve;
    long max = Runtime.getRuntime().maxMemory();
    if (need > max * 4 / 5) {
      throw new ConfigError(String.format(Locale.ROOT, "encoding: a shard of %d images (%s) and %d solves at once"
          + " (%s each) need about %s, more than the %s heap allows: lower encoding.shard or the threads, store"
          + " smaller codes (encoding.store), or raise -Xmx (JAVA_OPTS=-Xmx%dg)", layout.shard(),
          HeapEstimate.size(shard), threads, HeapEstimate.size(solve), HeapEstimate.size(need),
          HeapEstimate.size(max), Math.max(1, need * 5 / 4 / (1L << 30) + 1)));
    }
  }

  private static String divisors(int n) {
    List<String> out = new ArrayList<>();
    for (int d = n; d >= 1 && out.size() < 6; d--) {
      if (n % d == 0) {
        out.add(Integer.toString(d));
      }
    }
    return String.join(", ", out);
  }

  /**
   * The data set {@link #preflight()} read.
   *
   * @return it
   */
  public LabelledData data() {
    preflight();
    return data;
  }

  /**
   * The dictionary {@link #preflight()} generated.
   *
   * @return it
   */
  public Dictionary dictionary() {
    preflight();
    return dictionary;
  }

  /**
   * The codes' layout.
   *
   * @return it
   */
  public Layout layout() {
    preflight();
    return layout;
  }

  /**
   * The coded side (the preprocessed images').
   *
   * @return pixels
   */
  public int codedSide() {
    preflight();
    return side;
  }

  /**
   * Encodes what the cache lacks and returns where the codes are.
   *
   * @param cache the cache's directory
   * @return what was done
   * @throws SparsecodeException when a solve fails (naming the image) or a file cannot be written
   */
  public Outcome encode(Path cache) {
    preflight();
    useFft();
    long start = System.nanoTime();
    List<String> classes = data.train().classes();
    try (CodeStore store = CodeStore.open(cache, key, layout, classes)) {
      int todo = 0;
      List<int[]> pending = new ArrayList<>();
      for (int si = 0; si < Layout.SPLITS.size(); si++) {
        String split = Layout.SPLITS.get(si);
        for (int s = 0; s < layout.shards(split); s++) {
          if (!store.isDone(split, s)) {
            pending.add(new int[] {si, s});
            todo += layout.imagesIn(split, s);
          }
        }
      }
      int total = layout.train() + layout.test();
      if (pending.isEmpty()) {
        progress.info("codes found in " + store.root() + ": reusing " + layout.train() + " train and " + layout.test()
            + " test codes, nothing to encode");
      } else {
        progress.info(String.format(Locale.ROOT, "encoding %d of %d images (%d train, %d test) into %s: %d x %dx%d"
            + " %s per image, %d threads%s", todo, total, layout.train(), layout.test(), store.root(),
            layout.kernels(), layout.size(), layout.size(), layout.dtype().yamlName(), threads,
            todo < total ? "; " + (total - todo) + " already there" : ""));
        store.markRunning(classes);
        code(store, pending, todo);
      }
      Map<String, double[][]> stats = readStats(store);
      Map<String, Object> summary = new LinkedHashMap<>();
      for (String split : Layout.SPLITS) {
        Map<String, Object> s = new LinkedHashMap<>();
        double[][] columns = stats.get(split);
        for (int c = 0; c < Layout.STATS.size(); c++) {
          s.put(Layout.STATS.get(c), Summary.of(columns[c]).mean());
        }
        summary.put(split, s);
      }
      if (!pending.isEmpty() || !store.isComplete()) {
        store.complete(classes, summary);
      }
      return new Outcome(store.root(), key, layout, todo, total - todo, stats, (System.nanoTime() - start) / 1e9);
    }
  }

  private void code(CodeStore store, List<int[]> pending, int todo) {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sparsecode-encoder-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      long start = System.nanoTime();
      int done = 0;
      for (int[] p : pending) {
        String split = Layout.SPLITS.get(p[0]);
        int shard = p[1];
        long t0 = System.nanoTime();
        double[] stats = codeShard(store, split, shard, pool);
        int images = layout.imagesIn(split, shard);
        done += images;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = elapsed / done * (todo - done);
        progress.info(String.format(Locale.ROOT, "[%d/%d] %s shard %d/%d (images %d-%d): psnr %.1f dB, sparseness"
            + " %.3f, %.0f its, %.2f s/image; %s%s", done, todo, split, shard + 1, layout.shards(split),
            layout.first(shard) + 1, layout.first(shard) + images, mean(stats, 0, images), mean(stats, 1, images),
            mean(stats, 2, images), (System.nanoTime() - t0) / 1e9 / images, done == todo ? "done in "
            : "ETA ", ProgressReporter.duration(done == todo ? elapsed : eta)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Codes one shard in parallel and writes it; returns its stats (row-major, n × 4). */
  private double[] codeShard(CodeStore store, String split, int shard, ExecutorService pool) {
    LabelledImages set = split.equals("train") ? data.train() : data.test();
    int n = layout.imagesIn(split, shard);
    int first = layout.first(shard);
    int s = layout.size();
    int kernels = layout.kernels();
    CodeArrays.FloatFile codes = new CodeArrays.FloatFile(layout.dtype(), n, kernels, s, s);
    long[] labels = new long[n];
    long[] sources = new long[n];
    double[] stats = new double[n * Layout.STATS.size()];
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      int slot = j;
      tasks.add(() -> {
        codeImage(set, split, first + slot, slot, codes, stats);
        labels[slot] = set.label(first + slot);
        sources[slot] = set.sourceIndex(first + slot);
        return null;
      });
    }
    try {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SparsecodeException("interrupted while encoding " + split + " shard " + shard, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new SparsecodeException("encoding " + split + " shard " + shard + " failed: " + e.getCause(), e);
    }
    store.write(split, shard, codes, labels, sources, stats);
    return stats;
  }

  private void codeImage(LabelledImages set, String split, int index, int slot, CodeArrays.FloatFile codes,
      double[] stats) {
    Image image = set.get(index);
    if (!image.isGrey() || image.width() != side || image.height() != side) {
      throw new SparsecodeException("image '" + image.id() + "' is " + image.channels() + "x" + image.height() + "x"
          + image.width() + " after preprocessing, the first was 1x" + side + "x" + side + ": every image of a data"
          + " set must have one size");
    }
    long t0 = System.nanoTime();
    CodingResult coded;
    try {
      coded = solver.solve(dictionary, image);
    } catch (SolverException e) {
      throw new SparsecodeException("image '" + image.id() + "' (" + split + " " + (index + 1) + "/" + set.size()
          + "): solver " + config.solver().type() + " failed: " + e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    SparseCode code = coded.code();
    double psnr = Measures.psnr(image, code.reconstruct(dictionary));
    int s = layout.size();
    int f = side / s;
    int plane = side * side;
    double[] sums = new double[layout.kernels() * s * s];
    int[] at = code.indices();
    double[] values = code.values();
    for (int j = 0; j < at.length; j++) {
      int k = at[j] / plane;
      int rest = at[j] - k * plane;
      int y = rest / side;
      int x = rest - y * side;
      sums[(k * s + y / f) * s + x / f] += values[j];
    }
    double mean = 1.0 / ((double) f * f);
    long base = (long) slot * sums.length;
    for (int q = 0; q < sums.length; q++) {
      try {
        codes.put(base + q, (float) (sums[q] * mean));
      } catch (SparsecodeException e) {
        throw new SparsecodeException("image '" + image.id() + "': " + e.getMessage(), e);
      }
    }
    int row = slot * Layout.STATS.size();
    stats[row] = psnr;
    stats[row + 1] = code.sparseness();
    stats[row + 2] = coded.iterations();
    stats[row + 3] = seconds;
  }

  /** Every shard's stats, per split, as columns. */
  private Map<String, double[][]> readStats(CodeStore store) {
    Map<String, double[][]> out = new LinkedHashMap<>();
    for (String split : Layout.SPLITS) {
      int count = layout.count(split);
      double[][] columns = new double[Layout.STATS.size()][count];
      for (int s = 0; s < layout.shards(split); s++) {
        double[] rows = org.sparsecode.core.io.Npy.read(Layout.file(store.root(), split, "stats", s)).data();
        int first = layout.first(s);
        for (int i = 0; i < rows.length / Layout.STATS.size(); i++) {
          for (int c = 0; c < Layout.STATS.size(); c++) {
            columns[c][first + i] = rows[i * Layout.STATS.size() + c];
          }
        }
      }
      out.put(split, columns);
    }
    return out;
  }

  private static double mean(double[] stats, int column, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += stats[i * Layout.STATS.size() + column];
    }
    return sum / n;
  }

  private void useFft() {
    try {
      FftBackend.use(config.fft());
    } catch (IllegalStateException e) {
      throw new SparsecodeException(e.getMessage());
    }
  }

  /** Creates a plugin, naming its block in a configuration error found at creation (a missing file, say). */
  private <T> T create(PluginChoice<T> choice, PluginContext context) {
    try {
      return choice.create(context);
    } catch (ConfigException e) {
      String where = config.variant() == null ? "" : "variant " + config.variant() + ": ";
      throw new ConfigError(where + choice.path() + "." + e.getMessage(), e);
    }
  }
}
