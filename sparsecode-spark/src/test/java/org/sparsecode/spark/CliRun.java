package org.sparsecode.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.sparsecode.experiments.cli.SparsecodeCli;

/**
 * One in-process run of the command line with its streams captured.
 *
 * @param status the exit status
 * @param out standard output
 * @param err standard error
 */
record CliRun(int status, String out, String err) {

  static CliRun of(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = SparsecodeCli.execute(args, new PrintWriter(o), new PrintWriter(e));
    return new CliRun(status, o.toString(), e.toString());
  }
}
