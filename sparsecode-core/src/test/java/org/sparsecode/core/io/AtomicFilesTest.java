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

  @Test
  void recognisesTheTemporaryFilesOfItsWritesOnly() {
    assertThat(AtomicFiles.isTemporary(Path.of(".results.json3141592653589793238.tmp"))).isTrue();
    assertThat(AtomicFiles.isTemporary(dir.resolve(".learning-checkpoint.npz7.tmp"))).isTrue();
    assertThat(AtomicFiles.isTemporary(Path.of("results.json"))).isFalse();
    assertThat(AtomicFiles.isTemporary(Path.of("results123.tmp"))).as("not hidden").isFalse();
    assertThat(AtomicFiles.isTemporary(Path.of(".results.json.tmp"))).as("no random digits").isFalse();
    assertThat(AtomicFiles.isTemporary(Path.of(".results.json123.tmp.bak"))).isFalse();
  }

  @Test
  void deleteTemporariesRemovesWhatKilledWritesLeftAndNothingElse() throws Exception {
    Path stale = Files.writeString(dir.resolve(".metrics.csv8812.tmp"), "id,ps");
    Path kept = Files.writeString(dir.resolve("metrics.csv"), "id,psnr\n");
    Path hidden = Files.writeString(dir.resolve(".notes"), "mine");
    Path nested = Files.writeString(Files.createDirectories(dir.resolve("variant")).resolve(".results.json5.tmp"), "{");
    assertThat(AtomicFiles.deleteTemporaries(dir)).containsExactly(stale);
    assertThat(stale).doesNotExist();
    assertThat(kept).exists();
    assertThat(hidden).exists();
    assertThat(nested).as("sub-directories belong to their own writers").exists();
  }

  @Test
  void deleteTemporariesOfAMissingDirectoryDoesNothing() {
    assertThat(AtomicFiles.deleteTemporaries(dir.resolve("absent"))).isEmpty();
  }
}
