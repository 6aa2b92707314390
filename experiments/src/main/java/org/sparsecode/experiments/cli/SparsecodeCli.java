package org.sparsecode.experiments.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.experiments.config.ConfigError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code sparsecode} command: {@code run}, {@code validate}, {@code plugins}, {@code bench}, {@code --help},
 * {@code --version}.
 */
@Command(name = "sparsecode", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Convolutional sparse coding of natural images, driven by YAML experiment files.",
    subcommands = {RunCommand.class, ValidateCommand.class, PluginsCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class SparsecodeCli implements Runnable {
  /** Exit status of a configuration error (bad YAML, unknown key or type, missing file). */
  public static final int CONFIG_ERROR = 2;
  /** Exit status of an error while running (a solver failing, an unwritable directory). */
  public static final int RUNTIME_ERROR = 1;
  /** Exit status of a sweep that ran to the end with some cells failed (the others' results are written). */
  public static final int CELLS_FAILED = 3;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The entry point.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int status = execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Runs a command line with the given streams (tests use this).
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error (errors and progress)
   * @return the exit status: 0, {@link #RUNTIME_ERROR} or {@link #CONFIG_ERROR}
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    SparsecodeCli root = new SparsecodeCli();
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      boolean verbose = root.verbose;
      Throwable t = ex;
      OutOfMemoryError oom = outOfMemory(t);
      if (oom != null) {
        err.println(outOfMemoryMessage());
        if (verbose) {
          t.printStackTrace(err);
        }
        err.flush();
        return RUNTIME_ERROR;
      }
      if (t instanceof SparsecodeException) {
        err.println("error: " + t.getMessage());
      } else {
        err.println("error: unexpected " + t.getClass().getName() + ": " + t.getMessage()
            + (verbose ? "" : " (run with --verbose for the stack trace)"));
      }
      if (verbose) {
        t.printStackTrace(err);
      }
      err.flush();
      return exitCode(t);
    });
    cl.setParameterExceptionHandler((ex, args2) -> {
      err.println("error: " + ex.getMessage());
      err.println("Try 'sparsecode " + (ex.getCommandLine() == cl ? "" : ex.getCommandLine().getCommandName() + " ")
          + "--help' for usage.");
      err.flush();
      return CONFIG_ERROR;
    });
    int status;
    try {
      status = cl.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(outOfMemoryMessage());
      status = RUNTIME_ERROR;
    } catch (StackOverflowError e) {
      err.println("error: the run nested too deeply (a stack overflow): if the experiment file is very deeply"
          + " nested, flatten it; otherwise please report it with the file" + (root.verbose ? "" : " and --verbose"));
      if (root.verbose) {
        e.printStackTrace(err);
      }
      status = RUNTIME_ERROR;
    }
    out.flush();
    err.flush();
    return status;
  }

  /** The out-of-memory error in a chain of causes (an error in a worker thread arrives wrapped), or null. */
  private static OutOfMemoryError outOfMemory(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OutOfMemoryError o) {
        return o;
      }
    }
    return null;
  }

  /**
   * What to do when the heap ran out despite the estimates made before allocating (they bound the solvers'
   * arrays, not every library's).
   */
  static String outOfMemoryMessage() {
    long max = Runtime.getRuntime().maxMemory();
    return "error: out of memory: the Java heap (-Xmx, now " + (max >> 20) + " MiB) is too small for this run;"
        + " files already written are kept and a rerun resumes from them. Give Java more heap"
        + " (JAVA_OPTS=-Xmx8g ./sparsecode ...), or use smaller images (images.size), fewer kernels or"
        + " precision: float32";
  }

  /**
   * The exit status of an error.
   *
   * @param t the error
   * @return {@link #CONFIG_ERROR} for configuration errors, else {@link #RUNTIME_ERROR}
   */
  static int exitCode(Throwable t) {
    return t instanceof ConfigError || t instanceof ConfigException ? CONFIG_ERROR : RUNTIME_ERROR;
  }
}
