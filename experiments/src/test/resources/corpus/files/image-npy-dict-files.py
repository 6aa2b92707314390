#!/usr/bin/env python3
"""Writes the corpus's data files for the image-, npy- and dict- cases (run it from this directory).

Only numpy, struct and zlib: PNGs are encoded by hand, the JPEG is a 32x32 grey one written once by Java's
ImageIO (kept here as hex) and cut short. Every file is small (a few kB at most) and the output is the same
on every run.
"""
import os
import struct
import zlib

import numpy as np

JPEG_32 = bytes.fromhex(
    "ffd8ffe000104a46494600010200000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080020002001011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00f2cd1ec3eef15e81a3d87dde2bd0747b0fbbc558f1df8ae3f02f849ae22e753bcdd0592865cab953fbd21b3954e09e0e495071bb23c7b47b0fbbc57a0e8f61f778aef34eb786d6ddee2e248e182242f249230554503249278000e735f3778bbc48de3af18cdabac524568a8b05a4526ddc912e719c0ea58b37538dd8c9005779a3d87dde2bd0747b0fbbc570ff001afc571c5671f832cbe69a6f2e7be70ca42a0394888e486242b9e98017a8638f36d1ec3eef15ed3a3d87dde2ba0d735db3f04f85ee35bbc8fcdf2b090c01c234d231c2a827f1271921431c1c62be66b55b8d4f51b8bfbc7f32eaea569a67da06e7624b1c0e06493d2bb8d1ec3eef15ffd9")


def png(width, height, grey_rows):
    """An 8-bit grey PNG of the given rows (a header may announce more rows than there are)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    raw = b"".join(b"\x00" + bytes(row) for row in grey_rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def noise(width, height, seed):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, size=(height, width), dtype=np.uint8).tolist()


def mkdirs(path):
    if os.path.dirname(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


def write(path, data):
    with open(mkdirs(path), "wb") as f:
        f.write(data)


def npy_bytes(array):
    path = "tmp-corpus-array.npy"
    np.save(path, array)
    with open(path, "rb") as f:
        data = f.read()
    os.remove(path)
    return data


def npy_raw(header_dict, data):
    """A version 1.0 .npy file with a hand-written header dict (to write what numpy refuses to)."""
    pad = (64 - (10 + len(header_dict) + 1) % 64) % 64
    header = (header_dict + " " * pad + "\n").encode("latin1")
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header + data


def kernels(k, count, seed=1):
    """(k, k, count) float64 kernels, kernel index last, none zero."""
    return np.random.default_rng(seed).standard_normal((k, k, count))


def main():
    # images: one directory per case, since a directory source reads every image file in it
    write("image-good/noise.png", png(32, 32, noise(32, 32, 1)))
    write("image-no-images/notes.txt", b"photographs go here\n")
    write("image-empty/empty.png", b"")
    good = png(48, 48, noise(48, 48, 2))
    write("image-truncated-png/cut.png", good[: len(good) // 2])
    write("image-truncated-jpeg/cut.jpg", JPEG_32[: len(JPEG_32) * 2 // 3])
    write("image-text-as-png/photo.png", b"This is a text file, not a photograph.\n")
    write("image-1x1/dot.png", png(1, 1, [[128]]))
    write("image-huge-header/huge.png", png(100000, 100000, [[0]]))
    write("image-beyond-heap/big.png", png(40000, 40000, [[0]]))
    write("image-constant/grey.png", png(32, 32, [[128] * 32] * 32))
    write("image-all-zero/black.png", png(32, 32, [[0] * 32] * 32))
    # 96x32: noisy left and right thirds, a flat centre square (what a centre crop keeps)
    rows = [r[:32] + [77] * 32 + r[64:] for r in noise(96, 32, 3)]
    write("image-flat-centre/wide.png", png(96, 32, rows))
    nan = np.arange(32 * 32, dtype=np.float32).reshape(32, 32)
    nan[3, 4] = np.nan
    write("image-npy-nan/nan.npy", npy_bytes(nan))
    write("image-npy-rank3/cube.npy", npy_bytes(np.ones((4, 4, 4))))
    cut = npy_bytes(np.arange(32 * 32, dtype=np.float32).reshape(32, 32))
    write("image-npy-truncated/cut.npy", cut[: len(cut) - 100])

    # dictionaries
    write("npy-bad-magic.npy", b"PK\x03\x04 this is a zip archive, not a .npy file")
    write("npy-complex.npy", npy_raw("{'descr': '<c16', 'fortran_order': False, 'shape': (8, 8, 2), }",
                                     bytes(16 * 128)))
    write("npy-strings.npy", npy_bytes(np.array([["ab", "cd"], ["ef", "gh"]]).reshape(2, 2, 1)))
    write("npy-rank2.npy", npy_bytes(kernels(8, 1)[:, :, 0]))
    write("npy-rank4.npy", npy_bytes(kernels(8, 2).reshape(8, 8, 2, 1)))
    full = npy_bytes(kernels(8, 4))
    write("npy-truncated.npy", full[: len(full) - 300])
    d = kernels(8, 4)
    d[2, 5, 3] = np.nan
    write("npy-nan.npy", npy_bytes(d))
    d = kernels(8, 4)
    d[0, 0, 1] = np.inf
    write("npy-inf.npy", npy_bytes(d))
    write("npy-bad-shape.npy", npy_raw("{'descr': '<f8', 'fortran_order': False, 'shape': (8, 8, x), }",
                                       bytes(8 * 64)))
    write("npy-empty.npy", b"")
    write("npy-huge-shape.npy",
          npy_raw("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000, 100), }", bytes(64)))
    write("npy-huge-header-length.npy", b"\x93NUMPY\x02\x00\xff\xff\xff\x7f{'descr': '<f8'")
    d = kernels(8, 3)
    d[:, :, 1] = 0
    write("dict-zero-kernel.npy", npy_bytes(d))
    write("dict-non-square.npy", npy_bytes(np.random.default_rng(4).standard_normal((8, 6, 4))))
    write("dict-empty.npy", npy_bytes(np.zeros((8, 8, 0))))
    write("dict-kernels-16.npy", npy_bytes(kernels(16, 2)))


if __name__ == "__main__":
    main()
