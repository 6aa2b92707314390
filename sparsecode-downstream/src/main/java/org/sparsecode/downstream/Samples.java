package org.sparsecode.downstream;

import java.util.List;
import org.sparsecode.api.data.LabelledImages;
import org.sparsecode.api.image.Image;
import org.sparsecode.core.data.CodeArrays;
import org.sparsecode.experiments.encode.CodeSet;

/**
 * One split of a labelled set in memory (a shard per sample: {@link SampleSource}), as the network reads it: each
 * sample {@code channels × side × side} floats in C order, its label and its position in the data set's files.
 *
 * @param values the samples
 * @param labels the class of each
 * @param indices the position of each in its split's files (to pair predictions across runs)
 * @param channels the channels of a sample
 * @param side its side
 * @param classes the class names, by label
 */
public record Samples(float[][] values, int[] labels, int[] indices, int channels, int side, List<String> classes)
    implements SampleSource {

  @Override
  public int size() {
    return labels.length;
  }

  /**
   * One sample a shard: the samples are in memory already.
   *
   * @return 1
   */
  @Override
  public int shardSize() {
    return 1;
  }

  @Override
  public float[] shard(int shard) {
    return values[shard];
  }

  @Override
  public boolean inMemory() {
    return true;
  }

  /**
   * Reads one split of a set of codes.
   *
   * @param codes the codes
   * @param split {@code train} or {@code test}
   * @return its samples, {@code K} channels each
   */
  public static Samples codes(CodeSet codes, String split) {
    int n = codes.layout().count(split);
    int k = codes.layout().kernels();
    int side = codes.layout().size();
    int per = k * side * side;
    float[][] values = new float[n][];
    int[] labels = new int[n];
    int[] indices = new int[n];
    int at = 0;
    for (int s = 0; s < codes.layout().shards(split); s++) {
      CodeArrays.Floats shard = codes.codes(split, s);
      int[] l = codes.labels(split, s);
      int[] ix = codes.indices(split, s);
      for (int i = 0; i < l.length; i++) {
        float[] v = new float[per];
        System.arraycopy(shard.values(), i * per, v, 0, per);
        values[at] = v;
        labels[at] = l[i];
        indices[at] = ix[i];
        at++;
      }
    }
    return new Samples(values, labels, indices, k, side, codes.classes());
  }

  /**
   * The images of one split, one channel each, as the data set gives them (after its {@code preprocess}).
   *
   * @param images the split
   * @return its samples
   * @throws IllegalArgumentException for colour or non-square images
   */
  public static Samples pixels(LabelledImages images) {
    int n = images.size();
    float[][] values = new float[n][];
    int side = -1;
    for (int i = 0; i < n; i++) {
      Image im = images.get(i);
      if (im.channels() != 1 || im.width() != im.height()) {
        throw new IllegalArgumentException("image " + im.id() + " is " + im.width() + "x" + im.height() + " with "
            + im.channels() + " channels: the network on pixels reads square grey images (data.preprocess: [grey,"
            + " scale])");
      }
      side = im.width();
      float[] v = new float[im.pixels().length];
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) im.pixels()[j];
      }
      values[i] = v;
    }
    int[] indices = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = images.sourceIndex(i);
    }
    return new Samples(values, images.labels(), indices, 1, side, images.classes());
  }
}
