package org.sparsecode.core.solver.mp;

import java.util.Arrays;

/**
 * The position of {@code max |corr|} over a {@code K × H × W} map (layout {@code (k · H + y) · W + x}),
 * maintained under local changes without rescanning the map: the image is cut into tiles of
 * {@value #TILE} × {@value #TILE} pixels, each leaf holds the best entry of one tile over all K maps, and a
 * tournament tree over the leaves holds the overall best. After a change confined to a few tiles only those
 * tiles are rescanned ({@code K · TILE²} entries each) and their paths to the root replayed
 * ({@code log₂(tiles)} comparisons each).
 *
 * <p>Ties: the entry with the smaller flat index wins, everywhere (within a tile by scanning in flat order
 * with a strict comparison, in the tree by comparing {@code |value|} then the index), so the result is
 * numpy's {@code argmax(abs(corr))} (first maximum in C order) exactly.
 */
final class ArgmaxTree {
  /** Tile side in pixels: an update touching {@code (2k−1)²} pixels rescans at most 4 × 4 tiles for k = 12. */
  static final int TILE = 8;

  private final int count;
  private final int height;
  private final int width;
  private final int tilesX;
  private final int tiles;
  private final int leaves;
  private final double[] value;
  private final int[] index;

  ArgmaxTree(int count, int height, int width) {
    this.count = count;
    this.height = height;
    this.width = width;
    this.tilesX = (width + TILE - 1) / TILE;
    this.tiles = tilesX * ((height + TILE - 1) / TILE);
    this.leaves = Integer.highestOneBit(Math.max(1, tiles - 1)) << 1;
    this.value = new double[2 * leaves];
    this.index = new int[2 * leaves];
    Arrays.fill(value, -1.0);
    Arrays.fill(index, Integer.MAX_VALUE);
  }

  /** Tiles per image row. */
  int tilesX() {
    return tilesX;
  }

  /** Number of tiles. */
  int tiles() {
    return tiles;
  }

  /** Rescans every tile and rebuilds the tree. */
  void rebuild(double[] corr) {
    for (int t = 0; t < tiles; t++) {
      scan(corr, t);
    }
    for (int n = leaves - 1; n >= 1; n--) {
      pick(n);
    }
  }

  /** Rescans one tile and replays its path to the root. */
  void refresh(double[] corr, int tile) {
    scan(corr, tile);
    for (int n = (leaves + tile) >> 1; n >= 1; n >>= 1) {
      pick(n);
    }
  }

  /** Flat index of the best entry. */
  int best() {
    return index[1];
  }

  /** Its magnitude. */
  double bestMagnitude() {
    return value[1];
  }

  private void scan(double[] corr, int tile) {
    int ty = tile / tilesX;
    int tx = tile - ty * tilesX;
    int y0 = ty * TILE;
    int y1 = Math.min(height, y0 + TILE);
    int x0 = tx * TILE;
    int x1 = Math.min(width, x0 + TILE);
    double best = -1.0;
    int at = Integer.MAX_VALUE;
    // Flat order within the tile (k, then y, then x) with a strict '>' keeps the first maximum.
    for (int k = 0; k < count; k++) {
      for (int y = y0; y < y1; y++) {
        int row = (k * height + y) * width;
        for (int x = x0; x < x1; x++) {
          double a = Math.abs(corr[row + x]);
          if (a > best) {
            best = a;
            at = row + x;
          }
        }
      }
    }
    value[leaves + tile] = best;
    index[leaves + tile] = at;
  }

  private void pick(int n) {
    int l = 2 * n;
    int r = l + 1;
    int w = value[l] > value[r] || (value[l] == value[r] && index[l] < index[r]) ? l : r;
    value[n] = value[w];
    index[n] = index[w];
  }
}
