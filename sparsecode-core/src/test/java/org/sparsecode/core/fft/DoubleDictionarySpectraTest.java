package org.sparsecode.core.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;

class DoubleDictionarySpectraTest {
  private static final int H = 20;
  private static final int W = 30;
  private static final int K = 3;
  private static final int SIZE = 5;

  private static Dictionary dictionary() {
    return Dictionary.of(SIZE, K, DoubleFft2dTest.random(K * SIZE * SIZE, 10));
  }

  @Test
  void synthesisIsTheCircularTopLeftConvolutionOfSparseCode() {
    Dictionary d = dictionary();
    double[] maps = DoubleFft2dTest.random(K * H * W, 11);
    double[] expected = SparseCode.fromDense(K, H, W, maps).reconstruct(d);
    double[] image = new double[H * W];
    try (ParallelLoop loop = new ParallelLoop(2)) {
      new DoubleDictionarySpectra(d, H, W).synthesize(maps, image, loop);
    }
    for (int i = 0; i < image.length; i++) {
      assertThat(image[i]).isCloseTo(expected[i], within(1e-12));
    }
  }

  @Test
  void aSingleCoefficientPlacesTheKernelTopLeftAtItsPixelWithWrap() {
    Dictionary d = dictionary();
    double[] maps = new double[K * H * W];
    int k = 1;
    int y = H - 2;
    int x = W - 3;
    maps[(k * H + y) * W + x] = 1;
    double[] image = new double[H * W];
    try (ParallelLoop loop = new ParallelLoop(1)) {
      new DoubleDictionarySpectra(d, H, W).synthesize(maps, image, loop);
    }
    for (int i = 0; i < SIZE; i++) {
      for (int j = 0; j < SIZE; j++) {
        assertThat(image[((y + i) % H) * W + (x + j) % W]).isCloseTo(d.get(k, i, j), within(1e-13));
      }
    }
  }

  @Test
  void correlationIsTheAdjointOfSynthesis() {
    Dictionary d = dictionary();
    double[] r = DoubleFft2dTest.random(H * W, 12);
    double[] maps = new double[K * H * W];
    try (ParallelLoop loop = new ParallelLoop(2)) {
      new DoubleDictionarySpectra(d, H, W).correlate(r, maps, loop);
    }
    for (int k = 0; k < K; k++) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          double direct = 0;
          for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
              direct += d.get(k, i, j) * r[((y + i) % H) * W + (x + j) % W];
            }
          }
          assertThat(maps[(k * H + y) * W + x]).isCloseTo(direct, within(1e-12));
        }
      }
    }
  }

  @Test
  void float32TwinSynthesisesLikeFloat64() {
    Dictionary d = dictionary();
    double[] maps = DoubleFft2dTest.random(K * H * W, 13);
    float[] mapsf = new float[maps.length];
    for (int i = 0; i < maps.length; i++) {
      mapsf[i] = (float) maps[i];
    }
    double[] image = new double[H * W];
    float[] imagef = new float[H * W];
    try (ParallelLoop loop = new ParallelLoop(2)) {
      new DoubleDictionarySpectra(d, H, W).synthesize(maps, image, loop);
      new FloatDictionarySpectra(d, H, W).synthesize(mapsf, imagef, loop);
    }
    for (int i = 0; i < image.length; i++) {
      assertThat((double) imagef[i]).isCloseTo(image[i], within(1e-4));
    }
  }

  @Test
  void aKernelLargerThanTheImageIsRejected() {
    assertThatThrownBy(() -> new DoubleDictionarySpectra(dictionary(), 4, 30))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit");
  }
}
