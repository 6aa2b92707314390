#!/usr/bin/env bash
# Fashion-MNIST (Zalando, MIT licence) for the downstream experiment: installs the Debian package
# dataset-fashion-mnist, which puts the four gzipped IDX files in /usr/share/datasets/fashion-mnist/
# (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz;
# 30 MB). The data: block { type: fashion-mnist } reads them there by default.
#
#   scripts/install-fashion-mnist.sh
#   ./sparsecode run experiments/downstream/encode-quick.yaml -o runs/encode-quick
#
# apt-get runs non-interactively, as root or through sudo, and only when the package is missing; it retries after
# apt-get update when the package lists are stale. Without apt (not Debian or Ubuntu), it says where to put the
# files by hand.
set -euo pipefail

PACKAGE=dataset-fashion-mnist
DIR=/usr/share/datasets/fashion-mnist
FILES=(train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)

die() { echo "install-fashion-mnist.sh: $*" >&2; exit 1; }

installed() {
  local f
  for f in "${FILES[@]}"; do
    [ -s "$DIR/$f" ] || return 1
  done
}

if installed; then
  echo "Fashion-MNIST is installed in $DIR"
  exit 0
fi
command -v apt-get >/dev/null 2>&1 || die "apt-get not found (this is not Debian or Ubuntu): download the four files
  ${FILES[*]}
from https://github.com/zalandoresearch/fashion-mnist (data/fashion/) into a directory and give it to the
experiments with --set data.path=DIR"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "not root and no sudo: install $PACKAGE as root (apt-get install $PACKAGE)"
  sudo=(sudo)
fi
echo "installing $PACKAGE" >&2
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y --no-install-recommends install)
if ! "${apt[@]}" "$PACKAGE"; then
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q update
  "${apt[@]}" "$PACKAGE"
fi
installed || die "$PACKAGE is installed but $DIR lacks some of ${FILES[*]}"
echo "Fashion-MNIST is installed in $DIR"
