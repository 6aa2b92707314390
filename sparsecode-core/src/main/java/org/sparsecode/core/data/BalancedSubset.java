package org.sparsecode.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.sparsecode.api.ConfigException;

/**
 * A class-balanced subset of a split, drawn by a seed: {@code count} images, {@code count / C} of each of the C
 * classes, the first {@code count % C} classes one more; within each class a seeded shuffle
 * ({@link SplittableRandom}, Fisher–Yates) picks which. The chosen indices are returned in file order.
 *
 * <p>A class's picks are the first of its shuffle, so for one seed a smaller count picks a subset of what a
 * larger count picks (the first 100 images of a class stay when 200 are asked for): growing a subset keeps the
 * images already chosen, and their codes.
 */
public final class BalancedSubset {
  private BalancedSubset() {}

  /**
   * Chooses the subset.
   *
   * @param labels the label of every image of the split, each in {@code [0, classes.size())}
   * @param classes the class names, by class number (for messages)
   * @param count the number of images, or {@code null} for every image in file order
   * @param random the split's stream (its state is advanced)
   * @param key the setting that asked for {@code count}, for messages ({@code train}, {@code test})
   * @return the chosen indices, increasing
   * @throws ConfigException on {@code key} when the split holds fewer images than asked for, in all or of a class
   */
  public static int[] select(int[] labels, List<String> classes, Integer count, SplittableRandom random,
      String key) {
    if (count == null) {
      int[] all = new int[labels.length];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int c = classes.size();
    if (count > labels.length) {
      throw new ConfigException(key, "asks for " + count + " images but the files hold " + labels.length
          + "; at most " + labels.length);
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int k = 0; k < c; k++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    int[] available = byClass.stream().mapToInt(List::size).toArray();
    for (int k = 0; k < c; k++) {
      int quota = quota(count, c, k);
      if (quota > available[k]) {
        int most = largest(available);
        throw new ConfigException(key, "asks for " + count + " images balanced over the " + c + " classes, "
            + quota + " of class " + k + " ('" + classes.get(k) + "'), but the files hold only " + available[k]
            + " of it; at most " + most + " balanced images");
      }
    }
    int[] chosen = new int[count];
    int at = 0;
    for (int k = 0; k < c; k++) {
      List<Integer> members = byClass.get(k);
      int n = members.size();
      int[] order = members.stream().mapToInt(Integer::intValue).toArray();
      // every class is shuffled whatever its quota, so that one class's picks do not depend on another's quota
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      int quota = quota(count, c, k);
      System.arraycopy(order, 0, chosen, at, quota);
      at += quota;
    }
    Arrays.sort(chosen);
    return chosen;
  }

  /** The images of class {@code k} in a balanced subset of {@code count} over {@code c} classes. */
  static int quota(int count, int c, int k) {
    return count / c + (k < count % c ? 1 : 0);
  }

  /** The largest balanced count the per-class availabilities allow. */
  static int largest(int[] available) {
    int c = available.length;
    int total = 0;
    for (int a : available) {
      total += a;
    }
    for (int n = total; n > 0; n--) {
      boolean fits = true;
      for (int k = 0; k < c && fits; k++) {
        fits = quota(n, c, k) <= available[k];
      }
      if (fits) {
        return n;
      }
    }
    return 0;
  }
}
