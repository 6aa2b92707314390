package org.sparsecode.core.solver.mp;

import java.util.Arrays;

/**
 * The position of {@code max |corr|} over a {@code K × H × W} map (layout {@code (k · H + y) · W + x}),
 * maintained under local changes without rescanning the map, in two levels:
 * <ol>
 *   <li>per pixel, the best entry over the K maps ({@link #pixelValue} / {@link #pixelIndex}), kept up to date
 *       by the caller (the map update computes it for the pixels it touches, in the same pass);
 *   <li>the pixels are cut into tiles of {@value #TILE} × {@value #TILE}; each leaf of a tournament tree holds
 *       the best pixel of one tile, each inner node the better of its children. After a local change only the
 *       touched tiles are rescanned ({@code TILE²} pixels each) and their paths to the root replayed
 *       ({@code log₂(tiles)} comparisons each).
 * </ol>
 *
 * <p>Ties: the entry with the smaller flat index wins, everywhere (per pixel by scanning k upwards with a
 * strict comparison, in the tiles and the tree by comparing {@code |value|} then the flat index), so the result
 * is numpy's {@code argmax(abs(corr))} (first maximum in C order) exactly.
 */
final class ArgmaxTree {
  /** Tile side in pixels: an update touching {@code (2k−1)²} pixels rescans at most 4 × 4 tiles for k = 12. */
  static final int TILE = 8;

  private final int height;
  private final int width;
  private final int tilesX;
  private final int tiles;
  private final int leaves;
  private final double[] pixelValue;
  private final int[] pixelIndex;
  private final double[] value;
  private final int[] index;

  ArgmaxTree(int height, int width) {
    this.height = height;
    this.width = width;
    this.tilesX = (width + TILE - 1) / TILE;
    this.tiles = tilesX * ((height + TILE - 1) / TILE);
    this.leaves = Integer.highestOneBit(Math.max(1, tiles - 1)) << 1;
    this.pixelValue = new double[height * width];
    this.pixelIndex = new int[height * width];
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

  /** Per pixel {@code y · W + x}: {@code max_k |corr[k, y, x]|}; written by the map update. */
  double[] pixelValue() {
    return pixelValue;
  }

  /** Per pixel: the flat index of that maximum (smallest k on ties). */
  int[] pixelIndex() {
    return pixelIndex;
  }

  /** Rescans every tile of the pixel maxima and rebuilds the tree. */
  void rebuild() {
    for (int t = 0; t < tiles; t++) {
      scan(t);
    }
    for (int n = leaves - 1; n >= 1; n--) {
      pick(n);
    }
  }

  /** Rescans one tile of the pixel maxima and replays its path to the root. */
  void refresh(int tile) {
    scan(tile);
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

  private void scan(int tile) {
    int ty = tile / tilesX;
    int tx = tile - ty * tilesX;
    int y0 = ty * TILE;
    int y1 = Math.min(height, y0 + TILE);
    int x0 = tx * TILE;
    int x1 = Math.min(width, x0 + TILE);
    double best = -1.0;
    int at = Integer.MAX_VALUE;
    for (int y = y0; y < y1; y++) {
      int row = y * width;
      for (int x = x0; x < x1; x++) {
        double a = pixelValue[row + x];
        if (a > best || (a == best && pixelIndex[row + x] < at)) {
          best = a;
          at = pixelIndex[row + x];
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
