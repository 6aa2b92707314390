package org.sparsecode.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.sweep.SweepRunner;
import org.sparsecode.learning.checkpoint.LearningCheckpoint;

/**
 * What a run stopped by Ctrl-C (or any signal that lets the JVM shut down) leaves behind, and the command that
 * resumes it. Installed as a shutdown hook for the length of a {@code run} and removed when it ends, so that a
 * finished or failed run prints nothing more.
 */
final class Interruption {
  private final Path directory;
  private final List<String> command;
  private final PrintWriter err;
  private final Thread hook;

  private Interruption(Path directory, List<String> command, PrintWriter err) {
    this.directory = directory;
    this.command = command;
    this.err = err;
    this.hook = new Thread(this::report, "sparsecode-interrupted");
  }

  /**
   * Installs the hook.
   *
   * @param directory the run's output directory
   * @param command the command line that resumes the run
   * @param err where to print
   * @return the installed hook, to {@link #remove()} when the run ends
   */
  static Interruption install(Path directory, List<String> command, PrintWriter err) {
    Interruption i = new Interruption(directory, command, err);
    try {
      Runtime.getRuntime().addShutdownHook(i.hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: there is nothing to guard
    }
    return i;
  }

  /** Removes the hook (the run ended, one way or another). */
  void remove() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already: the hook runs or has run
    }
  }

  private void report() {
    err.println();
    err.println("interrupted: " + directory);
    List<String> kept = kept(directory);
    if (kept.isEmpty()) {
      err.println("  nothing was written yet");
    } else {
      err.println("kept (every file is written whole; a rerun resumes from these):");
      kept.forEach(k -> err.println("  " + k));
    }
    err.println("resume with the same command:");
    err.println("  " + String.join(" ", command));
    err.flush();
  }

  /**
   * One line per run directory under {@code root} (itself, its variants and parts): how many images it
   * coded, and whether it holds a learning checkpoint.
   *
   * @param root the output directory
   * @return the lines, empty when nothing was written
   */
  static List<String> kept(Path root) {
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return lines;
    }
    int complete = 0;
    List<String> inProgress = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(root, 3)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (dir.getParent() != null && dir.getParent().getFileName() != null
            && dir.getParent().getFileName().toString().equals(SweepRunner.CELLS)) {
          // a sweep's cells: counted, and only those in progress named (a sweep may have hundreds)
          if (new RunDirectory(dir).isComplete()) {
            complete++;
          } else {
            String line = describe(dir);
            if (line != null) {
              inProgress.add(root.relativize(dir) + ": " + line);
            }
          }
          continue;
        }
        String line = describe(dir);
        if (line != null) {
          String rel = root.relativize(dir).toString();
          lines.add((rel.isEmpty() ? "." : rel) + ": " + line);
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      lines.add("(could not list " + root + ": " + e.getMessage() + ")");
    }
    if (complete > 0) {
      lines.add(SweepRunner.CELLS + ": " + complete + " complete cell" + (complete == 1 ? "" : "s")
          + " (a rerun reuses them)");
    }
    lines.addAll(inProgress);
    return lines;
  }

  private static String describe(Path dir) {
    RunDirectory run = new RunDirectory(dir);
    List<String> parts = new ArrayList<>();
    try {
      RunResult results = run.results().orElse(null);
      if (results != null) {
        int images = results.images().size();
        boolean complete = RunResult.COMPLETE.equals(results.status());
        String counted = images + (images == 1 ? " image" : " images");
        parts.add(complete ? "complete (" + counted + ")" : counted + " coded");
      }
    } catch (SparsecodeException e) {
      parts.add("results.json unreadable");
    }
    if (Files.isRegularFile(LearningCheckpoint.file(dir))) {
      parts.add("learning checkpoint " + LearningCheckpoint.FILE_NAME);
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }
}
