package org.sparsecode.experiments.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The version this code was built as (a resource filtered by Maven) and the git commit it came from: the
 * system property {@code sparsecode.gitCommit} when set (the launcher may pass it), else
 * {@code git rev-parse HEAD} run in the directory the classes were loaded from (a source checkout), else
 * {@code unknown}. Computed once.
 */
public final class BuildInfo {
  private static final String VERSION = readVersion();
  private static volatile String gitCommit;

  private BuildInfo() {}

  /**
   * The project version.
   *
   * @return e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} outside a Maven build
   */
  public static String version() {
    return VERSION;
  }

  /**
   * The git commit.
   *
   * @return 40 hex digits (with {@code -dirty} when the work tree has uncommitted changes), or
   *     {@code unknown}
   */
  public static String gitCommit() {
    String c = gitCommit;
    if (c == null) {
      c = findGitCommit();
      gitCommit = c;
    }
    return c;
  }

  private static String readVersion() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String findGitCommit() {
    String prop = System.getProperty("sparsecode.gitCommit");
    if (prop != null && !prop.isBlank()) {
      return prop.trim();
    }
    try {
      Path here = Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = Files.isDirectory(here) ? here : here.getParent();
      String head = git(dir, "rev-parse", "HEAD");
      if (head == null || !head.matches("[0-9a-f]{40}")) {
        return "unknown";
      }
      String status = git(dir, "status", "--porcelain", "--untracked-files=no");
      return status != null && !status.isEmpty() ? head + "-dirty" : head;
    } catch (Exception e) {
      // no code source, no git, not a checkout: provenance says so rather than failing the run
      return "unknown";
    }
  }

  private static String git(Path dir, String... args) throws IOException, InterruptedException {
    String[] cmd = new String[args.length + 3];
    cmd[0] = "git";
    cmd[1] = "-C";
    cmd[2] = dir.toString();
    System.arraycopy(args, 0, cmd, 3, args.length);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.SECONDS)) {
      p.destroy();
      return null;
    }
    return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).trim() : null;
  }
}
