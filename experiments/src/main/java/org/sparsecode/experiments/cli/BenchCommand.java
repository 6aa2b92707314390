package org.sparsecode.experiments.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.bench.BenchResult;
import org.sparsecode.experiments.bench.BenchTable;
import org.sparsecode.experiments.bench.SolverBench;
import org.sparsecode.experiments.config.ConfigError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sparsecode bench [FILE.yaml]}: times solvers on the paper's problem (or a file's) and prints the time
 * per iteration, the set-up, images per second and peak memory, one row per solver and precision.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Times solvers on the paper's problem (144 log-Gabor kernels 12x12, one 256x256 photograph,"
        + " lambda 1e-2, 100 iterations per image) or on FILE.yaml's first image, dictionary and solver call.",
        "Prints ms per iteration (by difference of two solves run to their limit), the set-up, images per second"
            + " and peak memory (heap and resident set)."})
final class BenchCommand implements Callable<Integer> {
  /** The core solvers of the ℓ1 objective, timed by default beside the problem's own. */
  private static final List<String> CORE = List.of("cbpdn-admm", "fista", "lca");

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.yaml",
      description = "The problem: an experiment file (its first image, its dictionary, its solver call);"
          + " the paper's by default.")
  Path file;

  @Option(names = "--solver", paramLabel = "TYPE", split = ",",
      description = "Solvers to time (repeatable or comma-separated); default: the problem's, cbpdn-admm, fista,"
          + " lca and every nd4j-* solver on the class path.")
  List<String> solvers = new ArrayList<>();

  @Option(names = "--precision", paramLabel = "P", split = ",", defaultValue = "float32,float64",
      description = "float32 and/or float64 (default: ${DEFAULT-VALUE}).")
  List<String> precisions;

  @Option(names = "--fft", paramLabel = "ENGINE", defaultValue = "auto",
      description = "The FFT engine: auto, fftw or jtransforms (default: ${DEFAULT-VALUE}).")
  String fft;

  @Option(names = "--batch", paramLabel = "N", split = ",",
      description = "Images per call for solvers that code batches (nd4j-*), repeatable or comma-separated; the"
          + " problem's images are taken in turn (default: 1,4 — on a GPU try 1,8,32). Other solvers: 1.")
  List<Integer> batches = new ArrayList<>(List.of(1, 4));

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads per solver (default: the cores).")
  Integer threads;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "30",
      description = "Iterations of the longer timed solve (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--short-iterations", paramLabel = "N", defaultValue = "5",
      description = "Iterations of the shorter timed solve (default: ${DEFAULT-VALUE}).")
  int shortIterations;

  @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
      description = "Times each solve is timed; the median is kept (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--set", paramLabel = "KEY.PATH=VALUE",
      description = "Overrides a key of the problem (the value is YAML), e.g. --set images.size=128; repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--csv", paramLabel = "FILE", description = "Also writes the table as CSV to FILE.")
  Path csv;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PluginRegistry registry = PluginRegistry.load();
    Path problem = file;
    Path bundled = null;
    try {
      if (problem == null) {
        bundled = bundledProblem();
        problem = bundled;
      } else {
        Plans.load(problem, overrides);
      }
      int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      SolverBench bench = new SolverBench(registry, problem, overrides,
          new SolverBench.Settings(n, iterations, shortIterations, repeats), line -> {
            err.println("bench: " + line);
            err.flush();
          });
      List<String> chosen = solvers.isEmpty() ? defaults(registry, bench.problemSolver()) : solvers;
      for (String p : precisions) {
        if (!p.equals("float32") && !p.equals("float64")) {
          throw new ConfigError("--precision " + p + ": expected float32 or float64");
        }
      }
      out.println(String.format(Locale.ROOT, "problem: %s; %d cores, Java %s, heap limit %d MiB",
          file == null ? "the paper's (144 log-Gabor kernels 12x12, 256x256, lambda 1e-2, 100 iterations)" : file,
          Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20));
      out.flush();
      List<BenchResult> results = new ArrayList<>();
      for (int b : batches) {
        if (b < 1) {
          throw new ConfigError("--batch must be at least 1, got " + b);
        }
      }
      for (String solver : chosen) {
        List<Integer> sizes = bench.batches(solver) ? batches : List.of(1);
        for (String precision : precisions) {
          for (int b : sizes) {
            results.add(bench.measure(solver, precision, fft, b));
          }
        }
      }
      out.print(BenchTable.text(results));
      if (solvers.isEmpty() && chosen.stream().noneMatch(name -> name.startsWith("nd4j-"))) {
        out.println("(no nd4j-* solvers on the class path: ./sparsecode bench --solver nd4j-cbpdn-admm builds and"
            + " times them)");
      }
      out.flush();
      if (csv != null) {
        AtomicFiles.writeString(csv, BenchTable.csv(results));
        err.println("bench: wrote " + csv);
      }
      return 0;
    } finally {
      if (bundled != null) {
        try {
          Files.deleteIfExists(bundled);
        } catch (IOException e) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  /** The problem's solver, the core ℓ1 solvers and every nd4j-* solver found, each once. */
  private static List<String> defaults(PluginRegistry registry, String problemSolver) {
    Set<String> names = new LinkedHashSet<>();
    names.add(problemSolver);
    names.addAll(CORE);
    registry.all().stream().filter(p -> p.role() == SparseSolver.class).map(Plugin::name)
        .filter(name -> name.startsWith("nd4j-")).sorted().forEach(names::add);
    return List.copyOf(names);
  }

  /** The paper's problem, copied out of the jar to a temporary file the loader can read. */
  private static Path bundledProblem() {
    try (InputStream in = BenchCommand.class.getResourceAsStream(
        "/org/sparsecode/experiments/bench/paper-problem.yaml")) {
      if (in == null) {
        throw new IllegalStateException("the bench's problem file is missing from the class path");
      }
      Path tmp = Files.createTempFile("sparsecode-bench-", ".yaml");
      Files.write(tmp, in.readAllBytes());
      return tmp;
    } catch (IOException e) {
      throw new ConfigError("cannot write the bench's problem to a temporary file: " + e.getMessage(), e);
    }
  }
}
