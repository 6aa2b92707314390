package org.sparsecode.api.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSourceTest {
  private static Image grey(String id, double value) {
    return Image.grey(id, 2, 2, new double[] {value, value, value, value});
  }

  @Test
  void aSourceOfImagesInMemoryGivesThemInTheirOrderWithTheirIds() {
    Image a = grey("a", 1);
    Image b = grey("b", 2);
    ImageSource source = ImageSource.of(List.of(a, b));
    assertThat(source.size()).isEqualTo(2);
    assertThat(source.get(1)).isSameAs(b);
    assertThat(List.of(source.id(0), source.id(1))).containsExactly("a", "b");
  }

  @Test
  void anEmptySourceHasNoImageToGive() {
    ImageSource none = ImageSource.of(List.of());
    assertThat(none.size()).isZero();
    assertThatThrownBy(() -> none.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
