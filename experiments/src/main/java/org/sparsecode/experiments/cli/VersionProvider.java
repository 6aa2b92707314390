package org.sparsecode.experiments.cli;

import org.sparsecode.experiments.results.BuildInfo;
import picocli.CommandLine;

/** {@code sparsecode --version}: the project version, the git commit and the Java runtime. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
        "sparsecode " + BuildInfo.version(),
        "git commit " + BuildInfo.gitCommit(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
            + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
  }
}
