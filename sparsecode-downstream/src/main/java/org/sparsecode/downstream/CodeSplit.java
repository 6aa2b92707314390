package org.sparsecode.downstream;

import java.util.List;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.data.CodeArrays;
import org.sparsecode.experiments.encode.CodeSet;

/**
 * One split of a set of codes, read from its shards as they are asked for: only the labels and positions are
 * held (two ints a sample), so that a set far larger than the memory can be trained on.
 *
 * @param codes the codes
 * @param split {@code train} or {@code test}
 * @param labels the class of each sample
 * @param indices the position of each in its split's files
 */
public record CodeSplit(CodeSet codes, String split, int[] labels, int[] indices) implements SampleSource {

  /**
   * Opens one split, reading its labels and positions.
   *
   * @param codes the codes
   * @param split {@code train} or {@code test}
   * @return the split
   */
  public static CodeSplit open(CodeSet codes, String split) {
    int n = codes.layout().count(split);
    int[] labels = new int[n];
    int[] indices = new int[n];
    for (int s = 0; s < codes.layout().shards(split); s++) {
      int[] l = codes.labels(split, s);
      int[] ix = codes.indices(split, s);
      int first = codes.layout().first(s);
      if (l.length != codes.layout().imagesIn(split, s) || ix.length != l.length) {
        throw new SparsecodeException(codes.directory() + ": " + split + " shard " + s + " holds " + l.length
            + " labels and " + ix.length + " positions, not " + codes.layout().imagesIn(split, s) + ": run the"
            + " encoding again");
      }
      System.arraycopy(l, 0, labels, first, l.length);
      System.arraycopy(ix, 0, indices, first, ix.length);
    }
    return new CodeSplit(codes, split, labels, indices);
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public int channels() {
    return codes.layout().kernels();
  }

  @Override
  public int side() {
    return codes.layout().size();
  }

  @Override
  public List<String> classes() {
    return codes.classes();
  }

  @Override
  public int shardSize() {
    return codes.layout().shard();
  }

  @Override
  public float[] shard(int shard) {
    CodeArrays.Floats f = codes.codes(split, shard);
    int n = codes.layout().imagesIn(split, shard);
    int per = channels() * side() * side();
    if (f.values().length != (long) n * per) {
      throw new SparsecodeException(codes.directory() + ": " + split + " shard " + shard + " holds "
          + f.values().length + " values, not " + n + " × " + per + ": run the encoding again");
    }
    return f.values();
  }
}
