package org.sparsecode.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;

/** Class-balanced subsets: counts per class, determinism by seed, nesting, and the messages when too few. */
class BalancedSubsetTest {
  private static final List<String> CLASSES = List.of("a", "b", "c", "d");
  /** 100 images: class k at indices with i % 4 == k, so 25 of each. */
  private static final int[] LABELS = IntStream.range(0, 100).map(i -> i % 4).toArray();

  private static int[] select(Integer count, long seed) {
    return BalancedSubset.select(LABELS, CLASSES, count, new SplittableRandom(seed), "train");
  }

  private static int[] perClass(int[] chosen) {
    int[] counts = new int[CLASSES.size()];
    for (int i : chosen) {
      counts[LABELS[i]]++;
    }
    return counts;
  }

  @Test
  void everyClassGetsTheSameCountAndTheFirstClassesTheRemainder() {
    assertThat(perClass(select(40, 1))).containsExactly(10, 10, 10, 10);
    assertThat(perClass(select(42, 1))).containsExactly(11, 11, 10, 10);
  }

  @Test
  void theChosenIndicesAreDistinctAndInFileOrder() {
    int[] chosen = select(42, 3);
    assertThat(chosen).isSorted().doesNotHaveDuplicates().hasSize(42);
  }

  @Test
  void theSameSeedChoosesTheSameImagesAndAnotherSeedOthers() {
    assertThat(select(40, 5)).containsExactly(select(40, 5));
    assertThat(select(40, 6)).isNotEqualTo(select(40, 5));
  }

  @Test
  void aLargerCountKeepsTheImagesOfASmallerOne() {
    int[] small = select(20, 9);
    int[] large = select(60, 9);
    assertThat(Arrays.stream(large).boxed().toList()).containsAll(Arrays.stream(small).boxed().toList());
  }

  @Test
  void noCountMeansEveryImageInFileOrder() {
    assertThat(select(null, 0)).containsExactly(IntStream.range(0, 100).toArray());
  }

  @Test
  void moreImagesThanTheFilesHoldIsAnErrorOnTheKey() {
    assertThatThrownBy(() -> select(101, 0)).isInstanceOf(ConfigException.class)
        .hasMessage("train: asks for 101 images but the files hold 100; at most 100");
  }

  @Test
  void aClassWithTooFewImagesIsNamedWithTheLargestBalancedCount() {
    // class 'd' has 5 images, the others 25: at most 4 * 5 + 3 = 23 balanced images
    int[] labels = IntStream.range(0, 80).map(i -> i < 5 ? 3 : i % 3).toArray();
    assertThatThrownBy(() -> BalancedSubset.select(labels, CLASSES, 40, new SplittableRandom(0), "test"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test: asks for 40 images balanced over the 4 classes, 10 of class 3 ('d'), but the files hold"
            + " only 5 of it; at most 23 balanced images");
  }
}
