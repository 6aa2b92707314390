package org.sparsecode.learning.parametric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.sparsecode.api.SparsecodeException;

/**
 * Per-kernel parameter trajectories: rows {@code (step, kernel, theta, bTheta, sf0, bsf, phase)} (angles in
 * radians, frequencies in cycles per pixel; step 0 = the start), written as {@value #FILE_NAME} with that
 * header. Values are written with Java's shortest round-trip form, so reading the file back gives the same
 * doubles.
 */
public final class Trajectories {
  /** The file name in the run directory. */
  public static final String FILE_NAME = "trajectories.csv";
  /** The CSV header (a contract: scripts read these names). */
  public static final String HEADER = "step,kernel,theta,bTheta,sf0,bsf,phase";
  /** Values per row. */
  public static final int COLUMNS = 7;

  private Trajectories() {}

  /**
   * The trajectories file of a directory.
   *
   * @param directory the run directory
   * @return {@code directory/trajectories.csv}
   */
  public static Path file(Path directory) {
    return directory.resolve(FILE_NAME);
  }

  /**
   * Appends one row per kernel.
   *
   * @param rows the rows so far
   * @param step the number of steps done
   * @param params kernel-major parameters, five per kernel
   * @param count the number of kernels
   */
  static void record(List<double[]> rows, int step, double[] params, int count) {
    for (int k = 0; k < count; k++) {
      double[] r = new double[COLUMNS];
      r[0] = step;
      r[1] = k;
      System.arraycopy(params, k * LogGaborJacobian.PARAMETERS, r, 2, LogGaborJacobian.PARAMETERS);
      rows.add(r);
    }
  }

  /**
   * The rows as one array.
   *
   * @param rows the rows
   * @return {@code rows.size() · 7} values
   */
  static double[] flat(List<double[]> rows) {
    double[] out = new double[rows.size() * COLUMNS];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, out, i * COLUMNS, COLUMNS);
    }
    return out;
  }

  /**
   * The rows of a flat array.
   *
   * @param flat {@code n · 7} values
   * @return n rows
   */
  static List<double[]> rows(double[] flat) {
    List<double[]> out = new ArrayList<>(flat.length / COLUMNS);
    for (int i = 0; i + COLUMNS <= flat.length; i += COLUMNS) {
      double[] r = new double[COLUMNS];
      System.arraycopy(flat, i, r, 0, COLUMNS);
      out.add(r);
    }
    return out;
  }

  /**
   * Writes the rows atomically (temporary file, then rename).
   *
   * @param file the CSV file
   * @param rows the rows
   * @throws SparsecodeException naming the file when it cannot be written
   */
  public static void write(Path file, List<double[]> rows) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (double[] r : rows) {
      sb.append((long) r[0]).append(',').append((long) r[1]);
      for (int c = 2; c < COLUMNS; c++) {
        sb.append(',').append(r[c]);
      }
      sb.append('\n');
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new SparsecodeException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a trajectories file.
   *
   * @param file the CSV file
   * @return its rows
   * @throws SparsecodeException naming the file and line when it cannot be read or a line is malformed
   */
  public static List<double[]> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SparsecodeException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER)) {
      throw new SparsecodeException(file + ":1: expected the header '" + HEADER + "'");
    }
    List<double[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split(",");
      if (parts.length != COLUMNS) {
        throw new SparsecodeException(file + ":" + (i + 1) + ": expected " + COLUMNS + " values, got " + parts.length);
      }
      double[] r = new double[COLUMNS];
      try {
        for (int c = 0; c < COLUMNS; c++) {
          r[c] = Double.parseDouble(parts[c]);
        }
      } catch (NumberFormatException e) {
        throw new SparsecodeException(file + ":" + (i + 1) + ": not a number: " + e.getMessage(), e);
      }
      rows.add(r);
    }
    return rows;
  }
}
