package org.sparsecode.learning.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.DictionaryFiles;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;

class LearningCheckpointTest {
  @TempDir
  Path dir;

  static LearningCheckpoint sample() {
    Dictionary d = Dictionary.of(2, 2, new double[] {1, 2, 3, 4, -1, 0.5, 0.25, 2});
    return new LearningCheckpoint(3, d, new double[] {9, 8, 7.5}, "0a".repeat(32));
  }

  /** The arrays of {@link #sample()} as the writer stores them, to edit one entry. */
  static Map<String, NpyArray> entries() {
    LearningCheckpoint c = sample();
    Map<String, NpyArray> a = new LinkedHashMap<>();
    a.put("dictionary", DictionaryFiles.toArray(c.dictionary()));
    a.put("step", NpyArray.of(new double[] {3}, 1));
    a.put("objective", NpyArray.of(new double[] {9, 8, 7.5}, 3));
    double[] hash = new double[32];
    java.util.Arrays.fill(hash, 10);
    a.put("fingerprint", NpyArray.of(hash, 32));
    return a;
  }

  private void writeArchive(Map<String, NpyArray> arrays) throws IOException {
    try (OutputStream raw = Files.newOutputStream(LearningCheckpoint.file(dir));
        ZipOutputStream zip = new ZipOutputStream(raw)) {
      for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
        zip.write(Npy.toBytes(e.getValue().data(), e.getValue().shape(), false));
        zip.closeEntry();
      }
    }
  }

  private void assertDamaged(String why) {
    Path f = LearningCheckpoint.file(dir);
    assertThatThrownBy(() -> LearningCheckpoint.read(dir)).isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith("learning checkpoint " + f + " is damaged or not a checkpoint: ")
        .hasMessageContaining(why)
        .hasMessageEndingWith("; delete it to start learning from step 0");
  }

  @Test
  void aWrittenCheckpointReadsBackEqual() {
    sample().write(dir);
    assertThat(LearningCheckpoint.read(dir)).contains(sample());
  }

  @Test
  void noFileIsNoCheckpoint() {
    assertThat(LearningCheckpoint.read(dir)).isEmpty();
  }

  @Test
  void aTextFileInItsPlaceIsDamaged() throws IOException {
    Files.writeString(LearningCheckpoint.file(dir), "not a zip archive");
    assertDamaged("is not a .npz archive (no entries)");
  }

  @Test
  void aMissingEntryIsNamed() throws IOException {
    Map<String, NpyArray> a = entries();
    a.remove("objective");
    writeArchive(a);
    assertDamaged("no 'objective' entry");
  }

  @Test
  void aStepThatIsNotOneNonNegativeIntegerIsDamaged() throws IOException {
    Map<String, NpyArray> a = entries();
    a.put("step", NpyArray.of(new double[] {2.5}, 1));
    writeArchive(a);
    assertDamaged("'step' must be one non-negative integer");
    a.put("step", NpyArray.of(new double[0], 0));
    writeArchive(a);
    assertDamaged("'step' must be one non-negative integer");
  }

  @Test
  void anObjectiveOfAnotherLengthThanTheStepsIsDamaged() throws IOException {
    Map<String, NpyArray> a = entries();
    a.put("objective", NpyArray.of(new double[] {1, 2}, 2));
    writeArchive(a);
    assertDamaged("'objective' must hold one value per step done (3)");
  }

  @Test
  void aFingerprintValueThatIsNotAByteIsDamaged() throws IOException {
    Map<String, NpyArray> a = entries();
    double[] hash = a.get("fingerprint").data().clone();
    hash[5] = 300;
    a.put("fingerprint", NpyArray.of(hash, 32));
    writeArchive(a);
    assertDamaged("'fingerprint' value 5 is 300.0, not a byte");
  }

  @Test
  void aNanInTheDictionaryIsDamagedNamingTheKernel() throws IOException {
    Map<String, NpyArray> a = entries();
    double[] d = a.get("dictionary").data().clone();
    d[3] = Double.NaN;
    a.put("dictionary", NpyArray.of(d, 2, 2, 2));
    writeArchive(a);
    assertDamaged("kernel 1 of 2 (the array's [:, :, 1]) holds NaN");
  }
}
