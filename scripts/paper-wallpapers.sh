#!/usr/bin/env bash
# The paper's study on ~36 natural photographs from Debian wallpaper packages instead of the embedded set:
# links them with scripts/wallpapers.sh (installing the packages when missing), then runs paper.yaml on them
# with the paper's preprocessing (centre crop, bicubic resize to the study's size, grey, local contrast
# normalisation = the local-contrast preprocess). Extra arguments go to `sparsecode run`, e.g. --force.
#
#   scripts/paper-wallpapers.sh            # -> runs/paper-wallpapers/ (credits: data/wallpapers/CREDITS.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DIR=data/wallpapers
scripts/wallpapers.sh "$DIR"
# Absolute: a relative images.path would resolve against the YAML file's directory (experiments/paper/).
exec ./sparsecode run experiments/paper/paper.yaml --set images.path="$PWD/$DIR" \
  --set images.preprocess=local-contrast --output runs/paper-wallpapers "$@"
