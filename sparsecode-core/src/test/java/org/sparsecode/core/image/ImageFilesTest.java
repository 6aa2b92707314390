package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.core.io.Npy;

class ImageFilesTest {
  @TempDir
  Path dir;

  private Path write(BufferedImage img, String format, String name) throws IOException {
    Path file = dir.resolve(name);
    assertThat(ImageIO.write(img, format, file.toFile())).isTrue();
    return file;
  }

  private static BufferedImage rgb(int type) {
    BufferedImage img = new BufferedImage(3, 2, type);
    img.setRGB(0, 0, 0xff102030);
    img.setRGB(2, 1, 0xffa0b0c0);
    return img;
  }

  @Test
  void greyPngGivesOneChannelWithStoredValues() throws IOException {
    BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster r = img.getRaster();
    r.setSample(0, 0, 0, 7);
    r.setSample(2, 1, 0, 200);
    Image out = ImageFiles.read(write(img, "png", "g.png"));
    assertThat(out.channels()).isEqualTo(1);
    assertThat(out.width()).isEqualTo(3);
    assertThat(out.height()).isEqualTo(2);
    assertThat(out.get(0, 0, 0)).isEqualTo(7.0);
    assertThat(out.get(0, 1, 2)).isEqualTo(200.0);
  }

  @Test
  void sixteenBitGreyIsScaledTo0To255() throws IOException {
    BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
    img.getRaster().setSample(0, 0, 0, 65535);
    img.getRaster().setSample(1, 0, 0, 257);
    Image out = ImageFiles.read(write(img, "png", "g16.png"));
    assertThat(out.channels()).isEqualTo(1);
    assertThat(out.pixels()).containsExactly(255.0, 1.0);
  }

  @Test
  void rgbPngGivesRedGreenBluePlanes() throws IOException {
    Image out = ImageFiles.read(write(rgb(BufferedImage.TYPE_INT_RGB), "png", "c.png"));
    assertThat(out.channels()).isEqualTo(3);
    assertThat(new double[] {out.get(0, 0, 0), out.get(1, 0, 0), out.get(2, 0, 0)})
        .containsExactly(0x10, 0x20, 0x30);
    assertThat(new double[] {out.get(0, 1, 2), out.get(1, 1, 2), out.get(2, 1, 2)})
        .containsExactly(0xa0, 0xb0, 0xc0);
  }

  @Test
  void alphaIsDropped() throws IOException {
    Image out = ImageFiles.read(write(rgb(BufferedImage.TYPE_INT_ARGB), "png", "a.png"));
    assertThat(out.channels()).isEqualTo(3);
    assertThat(out.get(2, 1, 2)).isEqualTo(0xc0);
  }

  @Test
  void paletteImageGivesThreeChannels() throws IOException {
    Image out = ImageFiles.read(write(rgb(BufferedImage.TYPE_BYTE_INDEXED), "png", "p.png"));
    assertThat(out.channels()).isEqualTo(3);
  }

  @Test
  void bmpAndTiffAreRead() throws IOException {
    Image bmp = ImageFiles.read(write(rgb(BufferedImage.TYPE_3BYTE_BGR), "bmp", "b.bmp"));
    Image tif = ImageFiles.read(write(rgb(BufferedImage.TYPE_3BYTE_BGR), "tiff", "t.tif"));
    assertThat(bmp.get(0, 0, 0)).isEqualTo(0x10);
    assertThat(tif.pixels()).containsExactly(bmp.pixels());
  }

  @Test
  void jpegWithAnIccProfileKeepsTheStoredValuesAsPillowDoes() {
    // skimage's rocket.jpg embeds an ICC profile; Java's default sRGB conversion would shift values by up
    // to 55. PIL gives R, G, B = 17, 33, 58 at row 0, column 0 (skimage.data.rocket()[0, 0]).
    Image rocket = Resources.photo("rocket.jpg");
    assertThat(new double[] {rocket.get(0, 0, 0), rocket.get(1, 0, 0), rocket.get(2, 0, 0)})
        .containsExactly(17, 33, 58);
  }

  @Test
  void npyArrayIsAGreyImageWithValuesAsStored() {
    Path file = dir.resolve("arr.npy");
    Npy.writeFloat32(file, new double[] {0.5, -1.25, 3, 4, 5, 6}, 2, 3);
    Image out = ImageFiles.read(file);
    assertThat(out.id()).isEqualTo("arr");
    assertThat(out.width()).isEqualTo(3);
    assertThat(out.height()).isEqualTo(2);
    assertThat(out.pixels()).containsExactly(0.5, -1.25, 3, 4, 5, 6);
  }

  @Test
  void npyOfOtherRankIsRejectedNamingTheFile() {
    Path file = dir.resolve("cube.npy");
    Npy.writeFloat32(file, new double[8], 2, 2, 2);
    assertThatThrownBy(() -> ImageFiles.read(file)).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("cube.npy").hasMessageContaining("2-D");
  }

  @Test
  void fileThatIsNotAnImageFailsNamingTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.png"), "not an image");
    assertThatThrownBy(() -> ImageFiles.read(file)).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void truncatedPngFailsNamingTheFile() throws IOException {
    byte[] png = Files.readAllBytes(Resources.path("images/camera.png"));
    Path file = Files.write(dir.resolve("broken.png"), Arrays.copyOf(png, 2000));
    assertThatThrownBy(() -> ImageFiles.read(file)).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("broken.png");
  }

  @Test
  void missingFileFailsNamingTheFile() {
    Path file = dir.resolve("nowhere.png");
    assertThatThrownBy(() -> ImageFiles.read(file)).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("nowhere.png");
  }

  @Test
  void idIsTheFileNameWithoutItsExtension() {
    assertThat(ImageFiles.id(Path.of("/data/img.v2.jpeg"))).isEqualTo("img.v2");
    assertThat(ImageFiles.id(Path.of("plain"))).isEqualTo("plain");
  }

  @Test
  void supportedExtensionsAreCaseInsensitive() {
    assertThat(ImageFiles.isSupported(Path.of("A.PNG"))).isTrue();
    assertThat(ImageFiles.isSupported(Path.of("b.TiF"))).isTrue();
    assertThat(ImageFiles.isSupported(Path.of("c.txt"))).isFalse();
    assertThat(ImageFiles.isSupported(Path.of("npy"))).isFalse();
  }
}
