package org.sparsecode.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.io.Float16;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyHeader;

/** The shards' arrays: float16/float32 codes built in place, int64 labels, read back by both readers. */
class CodeArraysTest {
  @TempDir
  Path dir;

  private static final float[] VALUES = {0f, 1f, -0.1f, 3.14159f, 1e-6f, -250.5f};

  private Path written(CodeArrays.Dtype dtype) throws IOException {
    CodeArrays.FloatFile f = new CodeArrays.FloatFile(dtype, 2, 3);
    for (int i = 0; i < VALUES.length; i++) {
      f.put(i, VALUES[i]);
    }
    return Files.write(dir.resolve(dtype + ".npy"), f.bytes());
  }

  @Test
  void float16CodesReadBackAsTheirNearestHalves() throws IOException {
    Path p = written(CodeArrays.Dtype.FLOAT16);
    CodeArrays.Floats read = CodeArrays.readFloats(p);
    assertThat(read.shape()).containsExactly(2, 3);
    for (int i = 0; i < VALUES.length; i++) {
      assertThat(read.values()[i]).isEqualTo(Float16.toFloat(Float16.fromFloat(VALUES[i])));
      assertThat(Npy.read(p).data()[i]).isEqualTo(read.values()[i]);
    }
    NpyHeader h = Npy.header(p);
    assertThat(h.dtype()).isEqualTo("<f2");
    assertThat(h.dataOffset() % 64).isZero();
    assertThat(Files.size(p)).isEqualTo(h.dataOffset() + 2L * VALUES.length);
  }

  @Test
  void float32CodesReadBackExactly() throws IOException {
    assertThat(CodeArrays.readFloats(written(CodeArrays.Dtype.FLOAT32)).values()).containsExactly(VALUES);
  }

  @Test
  void labelsAreInt64ThatNpyReads() throws IOException {
    Path p = Files.write(dir.resolve("l.npy"), CodeArrays.longs(new long[] {3, 0, 9}));
    assertThat(Npy.header(p).dtype()).isEqualTo("<i8");
    assertThat(Npy.read(p).data()).containsExactly(3, 0, 9);
  }

  @Test
  void aValueBeyondTheHalfRangeIsRefusedNamingFloat32() {
    CodeArrays.FloatFile f = new CodeArrays.FloatFile(CodeArrays.Dtype.FLOAT16, 1);
    assertThatThrownBy(() -> f.put(0, 70000f)).isInstanceOf(SparsecodeException.class)
        .hasMessage("the value 70000.0 does not fit float16 (largest 65504): store the codes as float32"
            + " (encoding.store.dtype: float32)");
  }
}
