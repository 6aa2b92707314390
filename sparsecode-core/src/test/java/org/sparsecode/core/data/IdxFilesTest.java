package org.sparsecode.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;

/** The IDX reader: round trips, gzip, and a message naming the file for each kind of damage. */
class IdxFilesTest {
  @TempDir
  Path dir;

  private static final byte[] PIXELS = DataFiles.images(3, 5, 7);

  @Test
  void anImagesFileReadsBackItsDimensionsAndPixels() {
    Path f = DataFiles.write(dir.resolve("i.idx"), DataFiles.idx(new int[] {3, 5, 5}, PIXELS));
    IdxFiles.Idx idx = IdxFiles.readImages(f);
    assertThat(idx.dims()).containsExactly(3, 5, 5);
    assertThat(idx.data()).isEqualTo(PIXELS);
  }

  @Test
  void aGzippedFileReadsAsThePlainOneWhateverItsName() {
    byte[] plain = DataFiles.idx(new int[] {3, 5, 5}, PIXELS);
    Path gz = DataFiles.write(dir.resolve("no-gz-suffix"), DataFiles.gzip(plain));
    assertThat(IdxFiles.readImages(gz)).isEqualTo(IdxFiles.readImages(DataFiles.write(dir.resolve("p"), plain)));
  }

  @Test
  void labelsReadAsUnsignedBytes() {
    Path f = DataFiles.write(dir.resolve("l.idx"), DataFiles.idx(new int[] {3}, new byte[] {0, 9, (byte) 200}));
    byte[] data = IdxFiles.readLabels(f).data();
    assertThat(new int[] {data[0] & 0xFF, data[1] & 0xFF, data[2] & 0xFF}).containsExactly(0, 9, 200);
  }

  @Test
  void aWrongMagicNumberIsNamedWithTheFile() {
    Path f = DataFiles.write(dir.resolve("x.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
    assertThatThrownBy(() -> IdxFiles.readImages(f)).isInstanceOf(SparsecodeException.class)
        .hasMessage(f + " is not an IDX file (bad magic number 0x89504E47: an IDX file starts with 0x0000 then its"
            + " type and rank, e.g. 0x00000801 for labels, 0x00000803 for images)");
  }

  @Test
  void aTruncatedFileSaysHowManyBytesFollowTheHeader() {
    byte[] whole = DataFiles.idx(new int[] {3, 5, 5}, PIXELS);
    Path f = DataFiles.write(dir.resolve("t.idx"), Arrays.copyOf(whole, whole.length - 10));
    assertThatThrownBy(() -> IdxFiles.readImages(f)).isInstanceOf(SparsecodeException.class)
        .hasMessage(f + ": truncated IDX file: its header announces 3 x 5 x 5 (75 bytes of data) but only 65 bytes"
            + " follow the header");
  }

  @Test
  void aTruncatedGzipFileIsReportedAsCorruptGzipData() {
    byte[] gz = DataFiles.gzip(DataFiles.idx(new int[] {3, 5, 5}, PIXELS));
    Path f = DataFiles.write(dir.resolve("t.gz"), Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> IdxFiles.readImages(f)).isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith(f + ": ").hasMessageContaining("truncated");
  }

  @Test
  void aFileLongerThanItsHeaderAnnouncesIsRefused() {
    byte[] whole = DataFiles.idx(new int[] {3, 5, 5}, PIXELS);
    Path f = DataFiles.write(dir.resolve("long.idx"), Arrays.copyOf(whole, whole.length + 1));
    assertThatThrownBy(() -> IdxFiles.readImages(f)).isInstanceOf(SparsecodeException.class)
        .hasMessage(f + ": the IDX file is longer than its header announces (3 x 5 x 5, 75 bytes of data): it is"
            + " corrupt, or not the file its header describes");
  }

  @Test
  void anotherValueTypeIsRefusedByName() {
    byte[] b = DataFiles.idx(new int[] {1}, new byte[4]);
    b[2] = 0x0D;
    Path f = DataFiles.write(dir.resolve("float.idx"), b);
    assertThatThrownBy(() -> IdxFiles.readLabels(f)).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("unsupported IDX value type 0x0D (32-bit floats)");
  }

  @Test
  void aLabelsFileGivenAsImagesIsNamedAsSuch() {
    Path f = DataFiles.write(dir.resolve("l.idx"), DataFiles.idx(new int[] {3}, new byte[3]));
    assertThatThrownBy(() -> IdxFiles.readImages(f)).isInstanceOf(SparsecodeException.class)
        .hasMessage(f + ": an IDX images file has 3 dimensions (count, rows, columns), this one has 1: is it a labels"
            + " file given as images?");
  }

  @Test
  void anEmptyOrMissingFileIsNamed() {
    Path empty = DataFiles.write(dir.resolve("empty"), new byte[0]);
    assertThatThrownBy(() -> IdxFiles.readLabels(empty)).hasMessage(empty + " is empty (0 bytes), not an IDX file");
    Path missing = dir.resolve("missing.gz");
    assertThatThrownBy(() -> IdxFiles.readLabels(missing)).hasMessage(missing + " does not exist");
  }

  @Test
  void theHeaderAloneGivesTheDimensions() {
    Path f = DataFiles.write(dir.resolve("i.gz"), DataFiles.gzip(DataFiles.idx(new int[] {3, 5, 5}, PIXELS)));
    assertThat(IdxFiles.dims(f)).containsExactly(3, 5, 5);
  }
}
