package org.sparsecode.experiments.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.config.ConfigError;

class OutputPathTest {
  @TempDir
  Path tmp;

  @Test
  void anEmptyOutputIsRefusedInsteadOfMeaningTheCurrentDirectory() {
    assertThatThrownBy(() -> OutputPath.check(Path.of(""))).isInstanceOf(ConfigError.class)
        .hasMessageContaining("--output is empty");
  }

  @Test
  void aRegularFileIsRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
    assertThatThrownBy(() -> OutputPath.check(file)).isInstanceOf(ConfigError.class)
        .hasMessageContaining("--output " + file + ": it is a file");
  }

  @Test
  void aPathBelowAFileIsRefusedNamingTheFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
    assertThatThrownBy(() -> OutputPath.check(file.resolve("run"))).isInstanceOf(ConfigError.class)
        .hasMessageContaining(file + " is a file");
  }

  @Test
  void aDeviceIsRefused() {
    assumeThat(Path.of("/dev/null")).exists();
    assertThatThrownBy(() -> OutputPath.check(Path.of("/dev/null"))).isInstanceOf(ConfigError.class)
        .hasMessageContaining("not a directory");
  }

  @Test
  void aPseudoFileSystemIsRefusedEvenForRoot() {
    assumeThat(Path.of("/proc/self")).exists();
    assertThatThrownBy(() -> OutputPath.check(Path.of("/proc/sparsecode-run"))).isInstanceOf(ConfigError.class)
        .hasMessageContaining("cannot write into /proc");
  }

  @Test
  void anUnwritableDirectoryIsRefused() throws IOException {
    assumeThat(System.getProperty("user.name")).as("root writes through permission bits").isNotEqualTo("root");
    Path locked = Files.createDirectory(tmp.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertThatThrownBy(() -> OutputPath.check(locked.resolve("run"))).isInstanceOf(ConfigError.class)
          .hasMessageContaining("permission denied");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aNewNestedDirectoryIsAcceptedAndNothingIsCreated() throws IOException {
    Path dir = tmp.resolve("a/b/run");
    assertThat(OutputPath.check(dir)).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(tmp.resolve("a")).doesNotExist();
    try (var left = Files.list(tmp)) {
      assertThat(left).as("the probe file is removed").isEmpty();
    }
  }
}
