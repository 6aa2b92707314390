package org.sparsecode.core.plugin;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance. */
public final class Names {
  private Names() {}

  /**
   * The candidate closest to a misspelt name, if close enough to be a plausible typo (edit distance at
   * most a third of the longer name, and at most 3).
   *
   * @param name what the user wrote
   * @param candidates the valid names
   * @return the suggestion, or {@code null}
   */
  public static String closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    if (best == null) {
      return null;
    }
    int limit = Math.min(3, Math.max(1, Math.max(name.length(), best.length()) / 3));
    return bestDistance <= limit ? best : null;
  }

  /**
   * Levenshtein distance.
   *
   * @param a a string
   * @param b another
   * @return the number of single-character edits between them
   */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
