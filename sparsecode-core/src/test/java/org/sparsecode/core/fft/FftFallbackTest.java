package org.sparsecode.core.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * With FFTW's native library refused ({@code -Dsparsecode.fftw.disable=true}, as the build's second test
 * execution runs), {@code auto} falls back to JTransforms and {@code fftw} fails with a message that says
 * what to set instead.
 */
@EnabledIfSystemProperty(named = FftBackend.DISABLE_PROPERTY, matches = "true")
class FftFallbackTest {

  @Test
  void fftwIsReportedUnavailableWithTheFlagAsTheReason() {
    assertThat(FftBackend.fftwAvailable()).isFalse();
    assertThat(FftBackend.fftwFailure()).isEqualTo("refused by -Dsparsecode.fftw.disable=true");
  }

  @Test
  void autoAndTheProcessDefaultRunOnJTransforms() {
    assertThat(FftBackend.AUTO.resolve()).isEqualTo(FftBackend.JTRANSFORMS);
    assertThat(FftBackend.current()).isEqualTo(FftBackend.JTRANSFORMS);
    assertThat(new DoubleFft2d(8, 6).backend()).isEqualTo(FftBackend.JTRANSFORMS);
    assertThat(new FloatFft2d(8, 6).backend()).isEqualTo(FftBackend.JTRANSFORMS);
  }

  @Test
  void anExplicitFftwIsRefusedNamingTheSettingsToUseInstead() {
    assertThatThrownBy(() -> FftBackend.use(FftBackend.FFTW)).isInstanceOf(IllegalStateException.class)
        .hasMessage("fft: fftw, but the FFTW native library did not load (refused by"
            + " -Dsparsecode.fftw.disable=true): use fft: auto or fft: jtransforms");
    assertThatThrownBy(() -> new DoubleFft2d(8, 8, FftBackend.FFTW)).isInstanceOf(IllegalStateException.class);
  }
}
