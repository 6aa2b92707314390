package org.sparsecode.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;

class AtomicFilesTest {

  @TempDir
  Path dir;

  @Test
  void writesTheContentAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("sub/results.json");
    AtomicFiles.writeString(file, "{}");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("{}");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void replacesAnExistingFileWhole() throws Exception {
    Path file = dir.resolve("a.txt");
    AtomicFiles.writeString(file, "a much longer first version");
    AtomicFiles.writeString(file, "short");
    assertThat(Files.readString(file)).isEqualTo("short");
  }

  @Test
  void writtenFilesAreReadableByEveryoneNotOnlyTheOwner() throws Exception {
    Path file = dir.resolve("dictionary.npy");
    AtomicFiles.write(file, new byte[] {1, 2, 3});
    assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
  }

  @Test
  void aDestinationUnderARegularFileIsAnErrorNamingIt() throws Exception {
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "x");
    assertThatThrownBy(() -> AtomicFiles.writeString(blocker.resolve("out.json"), "{}"))
        .isInstanceOf(SparsecodeException.class).hasMessageContaining("cannot write " + blocker.resolve("out.json"));
  }
}
