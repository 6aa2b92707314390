package org.sparsecode.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Precision;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.api.image.Image;
import org.sparsecode.core.plugin.SettingsBinder;

/** The CIFAR-10 binary reader and the {@code cifar10} plugin, on batches the test writes. */
class Cifar10FilesTest {
  @TempDir
  Path dir;

  private static final byte[] LABELS_1 = {3, 1, 4, 1, 5, 9};
  private static final byte[] LABELS_2 = {2, 6, 5, 3};
  private static final byte[] TEST_LABELS = {0, 7, 8};

  private Path batches() {
    DataFiles.write(dir.resolve("data_batch_1.bin"), DataFiles.cifar(LABELS_1, DataFiles.bytes(6 * 3072, 1)));
    DataFiles.write(dir.resolve("data_batch_2.bin"), DataFiles.cifar(LABELS_2, DataFiles.bytes(4 * 3072, 2)));
    DataFiles.write(dir.resolve("test_batch.bin"), DataFiles.cifar(TEST_LABELS, DataFiles.bytes(3 * 3072, 3)));
    return dir;
  }

  private LabelledData data(Map<String, Object> settings) {
    PluginContext context = new PluginContext(0, Precision.FLOAT64, 1, dir);
    return new Cifar10Plugin().create(SettingsBinder.bind(Cifar10Settings.class, settings), context);
  }

  @Test
  void recordsReadBackAsPlanesAndLabelsAcrossBatches() {
    batches();
    Cifar10Files.Batch b = Cifar10Files.read(List.of(dir.resolve("data_batch_1.bin"),
        dir.resolve("data_batch_2.bin")), 10);
    assertThat(b.labels()).containsExactly(3, 1, 4, 1, 5, 9, 2, 6, 5, 3);
    byte[] second = DataFiles.bytes(4 * 3072, 2);
    assertThat(Arrays.copyOfRange(b.images(), 6 * Cifar10Files.IMAGE_BYTES, 7 * Cifar10Files.IMAGE_BYTES))
        .isEqualTo(Arrays.copyOfRange(second, 0, Cifar10Files.IMAGE_BYTES));
    assertThat(b.offsets()).containsExactly(0, 1, 2, 3, 4, 5, 0, 1, 2, 3);
  }

  @Test
  void thePluginGivesRgbImagesWithRedGreenAndBluePlanesBeforePreprocessing() {
    batches();
    LabelledImageSet train = (LabelledImageSet) data(Map.of("path", ".")).train();
    Image raw = train.raw(7);
    byte[] px = DataFiles.bytes(4 * 3072, 2);
    assertThat(raw.channels()).isEqualTo(3);
    assertThat(raw.get(0, 0, 0)).isEqualTo(px[Cifar10Files.IMAGE_BYTES] & 0xFF);
    assertThat(raw.get(2, 31, 31)).isEqualTo(px[2 * Cifar10Files.IMAGE_BYTES - 1] & 0xFF);
    assertThat(train.label(7)).isEqualTo(6);
    assertThat(train.classes()).isEqualTo(Cifar10Files.CLASSES);
  }

  @Test
  void theDefaultPreprocessingGivesGrey64x64Images() {
    batches();
    Image img = data(Map.of("path", ".")).test().get(0);
    assertThat(img.channels()).isEqualTo(1);
    assertThat(img.width()).isEqualTo(64);
    assertThat(img.height()).isEqualTo(64);
  }

  @Test
  void classNamesComeFromBatchesMetaTxtWhenPresent() {
    batches();
    DataFiles.write(dir.resolve("batches.meta.txt"), "p\nq\nr\ns\nt\nu\nv\nw\nx\ny\n\n"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(data(Map.of("path", ".")).train().classes()).containsExactly("p", "q", "r", "s", "t", "u", "v", "w",
        "x", "y");
  }

  @Test
  void aFileThatIsNotAWholeNumberOfRecordsIsNamed() {
    batches();
    Path bad = DataFiles.write(dir.resolve("data_batch_2.bin"), new byte[3074]);
    assertThatThrownBy(() -> data(Map.of("path", "."))).isInstanceOf(ConfigException.class)
        .hasMessage("path: " + bad + ": 3074 bytes is not a whole number of CIFAR-10 records (3073 bytes each: 1"
            + " label byte and 3072 pixel bytes; 1 whole records and 1 bytes more): the file is truncated or not a"
            + " CIFAR-10 binary batch (the Python version's pickles are not read)");
  }

  @Test
  void aLabelBeyondTheClassesIsNamedWithItsRecord() {
    batches();
    Path bad = DataFiles.write(dir.resolve("test_batch.bin"), DataFiles.cifar(new byte[] {0, 12},
        DataFiles.bytes(2 * 3072, 4)));
    assertThatThrownBy(() -> data(Map.of("path", "."))).isInstanceOf(ConfigException.class)
        .hasMessageContaining(bad + ": record 1 has label 12 but the data set has 10 classes");
  }

  @Test
  void aDirectoryWithoutTrainingBatchesSaysWhatItNeeds() {
    DataFiles.write(dir.resolve("test_batch.bin"), DataFiles.cifar(TEST_LABELS, DataFiles.bytes(3 * 3072, 3)));
    assertThatThrownBy(() -> data(Map.of("path", "."))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("holds no CIFAR-10 training batch (data_batch_1.bin");
  }
}
