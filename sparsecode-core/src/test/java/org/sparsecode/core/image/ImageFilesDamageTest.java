package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.io.Npy;

/** Damaged, empty, mislabelled and oversized image files: each is an error naming the file and the problem. */
class ImageFilesDamageTest {
  @TempDir
  Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static byte[] pngOfNoise() {
    int[] v = new int[64 * 48];
    Arrays.setAll(v, i -> (i * 37) % 251);
    return TestImages.encode(TestImages.grey(64, 48, v), "png");
  }

  @Test
  void aMissingFileSaysItDoesNotExist() {
    Path file = dir.resolve("nowhere.png");
    assertThatThrownBy(() -> ImageFiles.header(file)).isInstanceOf(SparsecodeException.class)
        .hasMessage("image file " + file + " does not exist");
  }

  @Test
  void anEmptyFileSaysItIsEmpty() throws IOException {
    Path file = write("empty.png", new byte[0]);
    assertThatThrownBy(() -> ImageFiles.read(file)).isInstanceOf(SparsecodeException.class)
        .hasMessage("image file " + file + " is empty (0 bytes)");
    assertThatThrownBy(() -> ImageFiles.header(file)).hasMessageContaining("is empty (0 bytes)");
  }

  @Test
  void aTextFileNamedPngIsRecognisedAsText() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.png"), "hello, I am a text file\n");
    assertThatThrownBy(() -> ImageFiles.header(file)).isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith(file + " is not a readable image: no PNG/JPEG/TIFF/BMP decoder accepted it")
        .hasMessageContaining("it starts with the text 'hello, I am a te'")
        .hasMessageContaining("is it a text file?");
  }

  @Test
  void bytesThatOnlyTheSignaturelessWbmpDecoderWouldTakeAreNotAnImage() throws IOException {
    // WBMP has no signature: type 0, header 0, width 4, height 4, then any bytes
    Path file = write("noise.png", new byte[] {0, 0, 4, 4, 1, 2, 3, 4});
    assertThatThrownBy(() -> ImageFiles.read(file)).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("no PNG/JPEG/TIFF/BMP decoder accepted it")
        .hasMessageContaining("it starts with bytes 00 00 04 04");
  }

  @Test
  void aPngCutShortIsTruncatedInItsHeaderCheckAlready() throws IOException {
    byte[] png = pngOfNoise();
    Path file = write("cut.png", Arrays.copyOf(png, png.length / 2));
    assertThatThrownBy(() -> ImageFiles.header(file)).isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith(file + " is truncated: the PNG does not end with its IEND chunk (" + png.length / 2
            + " bytes;");
    assertThatThrownBy(() -> ImageFiles.read(file)).hasMessageContaining("IEND");
  }

  @Test
  void aJpegCutShortIsRefusedRatherThanFilledWithGrey() throws IOException {
    int[] v = new int[32 * 32];
    Arrays.setAll(v, i -> (i * 13) % 256);
    byte[] jpg = TestImages.encode(TestImages.grey(32, 32, v), "jpeg");
    Path file = write("cut.jpg", Arrays.copyOf(jpg, jpg.length * 2 / 3));
    // the header is intact: only decoding finds the missing data
    assertThat(ImageFiles.header(file).width()).isEqualTo(32);
    assertThatThrownBy(() -> ImageFiles.read(file)).isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith(file + " is truncated or damaged: the decoder reports '")
        .hasMessageContaining("replace it");
  }

  @Test
  void aHeaderClaimingMorePixelsThanAnArrayHoldsIsRefusedBeforeDecoding() throws IOException {
    Path file = write("huge.png", TestImages.pngClaiming(100_000, 100_000));
    for (var read : new Runnable[] {() -> ImageFiles.header(file), () -> ImageFiles.read(file)}) {
      assertThatThrownBy(read::run).isInstanceOf(SparsecodeException.class)
          .hasMessageStartingWith(file + " is 100000x100000 pixels (10000 megapixels): more values than one Java"
              + " array can hold (2^31), whatever the heap");
    }
  }

  @Test
  void aHeaderClaimingMoreThanTheHeapIsRefusedWithTheMemoryNeededAndTheXmxToUse() throws IOException {
    // 40000² grey pixels: 1.6e9 values fit one array, but raster + doubles need 1.6e9 · 17 bytes = 25.3 GiB
    long need = 40_000L * 40_000 * 17;
    assumeThat(Runtime.getRuntime().maxMemory()).isLessThan(need);
    Path file = write("big.png", TestImages.pngClaiming(40_000, 40_000));
    assertThatThrownBy(() -> ImageFiles.read(file)).isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith(file + " is 40000x40000 pixels (1600 megapixels): decoding it needs about "
            + (need >> 20) + " MiB, more than the heap limit of " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB")
        .hasMessageEndingWith("run with more heap (JAVA_OPTS=-Xmx" + ((need >> 30) + 2) + "g) or shrink the image");
  }

  @Test
  void theHeaderGivesFormatSizeAndChannelsWithoutDecoding() throws IOException {
    Path file = write("noise.png", pngOfNoise());
    assertThat(ImageFiles.header(file)).isEqualTo(new ImageHeader(file, "png", 64, 48, 1));
  }

  @Test
  void anNpyImageHeaderIsCheckedForRankAndCompleteness() throws IOException {
    Path cube = dir.resolve("cube.npy");
    Npy.writeFloat32(cube, new double[8], 2, 2, 2);
    assertThatThrownBy(() -> ImageFiles.header(cube)).isInstanceOf(SparsecodeException.class)
        .hasMessage(cube + ": an image .npy must hold a non-empty 2-D array [row, col], got shape [2, 2, 2]");
    byte[] full = Npy.toBytes(new double[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3}, false);
    Path cut = write("cut.npy", Arrays.copyOf(full, full.length - 8));
    assertThatThrownBy(() -> ImageFiles.header(cut)).isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith(cut + ": truncated .npy file: its header announces a <f8 array of shape (2, 3)"
            + " (48 data bytes) but only 40 bytes follow the header");
    Path ok = dir.resolve("ok.npy");
    Npy.writeFloat32(ok, new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertThat(ImageFiles.header(ok)).isEqualTo(new ImageHeader(ok, "npy", 3, 2, 1));
  }

  @Test
  void anEmptyStreamIsAnErrorNamingTheResource() {
    assertThatThrownBy(() -> ImageFiles.read(new ByteArrayInputStream(new byte[0]), "res/x.png", "x"))
        .isInstanceOf(SparsecodeException.class).hasMessage("res/x.png is empty (0 bytes), not an image");
  }
}
