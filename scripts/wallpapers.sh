#!/usr/bin/env bash
# Natural photographs for a second image set: installs three Debian wallpaper packages and links only their
# photographs (no rendered art) into DIR, with DIR/CREDITS.md naming each photo's title, author and licence
# as the packages' /usr/share/doc/<package>/copyright files (and, for Plasma, metadata.json) give them.
#
#   scripts/wallpapers.sh [DIR]            # DIR defaults to data/wallpapers (gitignored)
#   ./sparsecode run experiments/quickstart.yaml --set images.path="$PWD/data/wallpapers"
#
# Packages (Debian bookworm): lomiri-wallpapers-16.04 (photos /usr/share/backgrounds/*_by_*.jpg, without
# the rendered umang_by_Abhishek_Mudgal and analogpattern_by_Peter_Nerlich; CC-BY-4.0, CC-BY-SA-4.0 or
# CC0-1.0 per file: attribution required), mate-backgrounds (/usr/share/backgrounds/mate/nature/, GPL-2+),
# plasma-workspace-wallpapers (11 photographs of /usr/share/wallpapers/<Name>/contents/images/, the
# 2560x1600 file or else the largest; the other Plasma wallpapers are rendered art). Links are named
# <package>-<name>.<ext> (lomiri-, mate-, plasma-); every photo was looked at when this list was made.
# The photographs are used, not redistributed: DIR holds symbolic links into /usr/share.
#
# apt-get runs non-interactively, as root or through sudo, and only when a package is missing; it
# retries after apt-get update when the package lists are stale. Rerunning replaces the links it made
# (other files in DIR are left alone).
set -euo pipefail

DIR="${1:-data/wallpapers}"
PACKAGES=(lomiri-wallpapers-16.04 mate-backgrounds plasma-workspace-wallpapers)
LOMIRI_DIR=/usr/share/backgrounds
LOMIRI_SKIP=(umang_by_Abhishek_Mudgal analogpattern_by_Peter_Nerlich)   # digital art, not photographs
MATE_DIR=/usr/share/backgrounds/mate/nature
PLASMA_DIR=/usr/share/wallpapers
PLASMA_PHOTOS=(BytheWater ColdRipple ColorfulCups DarkestHour EveningGlow FallenLeaf Grey Kite OneStandsOut
  Path summer_1am)

die() { echo "wallpapers.sh: $*" >&2; exit 1; }
warn() { echo "wallpapers.sh: warning: $*" >&2; }

install_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "apt-get not found: install ${missing[*]} by hand (Debian/Ubuntu packages)"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "not root and no sudo: install ${missing[*]} as root"
    sudo=(sudo)
  fi
  echo "installing ${missing[*]}" >&2
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y --no-install-recommends install)
  if ! "${apt[@]}" "${missing[@]}"; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q update
    "${apt[@]}" "${missing[@]}"
  fi
}

# The Copyright and License fields of the DEP-5 stanza whose Files list FILE (else of 'Files: *'), as
# "copyright<TAB>license"; e-mail addresses are dropped, several holders joined with "; ".
dep5() {
  local copyright_file="$1" file="$2"
  awk -v want="$file" '
    BEGIN { RS = ""; FS = "\n" }
    {
      files = ""; copy = ""; lic = ""; field = ""
      for (i = 1; i <= NF; i++) {
        line = $i
        if (line ~ /^[A-Za-z-]+:/) {
          field = substr(line, 1, index(line, ":") - 1); value = substr(line, index(line, ":") + 1)
        } else { value = line }
        gsub(/^[ \t]+|[ \t]+$/, "", value)
        if (field == "Files") { files = files " " value }
        else if (field == "Copyright" && value != "") { copy = copy (copy == "" ? "" : "; ") value }
        else if (field == "License" && lic == "") { lic = value }
      }
      n = split(files, list, /[ \t]+/)
      for (j = 1; j <= n; j++) {
        if (list[j] == want) { exact = copy "\t" lic }
        else if (list[j] == "*" && star == "") { star = copy "\t" lic }
      }
    }
    END {
      out = exact != "" ? exact : star
      gsub(/ *<[^>]*>/, "", out); gsub(/\302\264/, "", out); gsub(/ +\t/, "\t", out); gsub(/ +$/, "", out)
      print out
    }' "$copyright_file"
}

# title<TAB>authors<TAB>license of a Plasma wallpaper's metadata.json (KPlugin.Name, Authors[].Name, License).
plasma_meta() {
  awk '
    /"Authors"[ \t]*:/ { in_authors = 1; next }
    in_authors && /^[ \t]*\]/ { in_authors = 0; next }
    /"Name"[ \t]*:/ || /"License"[ \t]*:/ {
      value = $0; sub(/^[^:]*:[ \t]*"/, "", value); sub(/",?[ \t]*$/, "", value)
      if (in_authors && /"Name"/) { authors = authors (authors == "" ? "" : ", ") value }
      else if (!in_authors && /"Name"/ && title == "") { title = value }
      else if (!in_authors && /"License"/ && lic == "") { lic = value }
    }
    END { print title "\t" authors "\t" lic }' "$1"
}

# The file of a Plasma wallpaper: 2560x1600 when there is one, else the largest WxH JPEG/PNG.
plasma_file() {
  local images="$1" best="" best_px=0 f wh px
  for f in "$images"/2560x1600.jpg "$images"/2560x1600.png; do
    [ -f "$f" ] && { echo "$f"; return 0; }
  done
  for f in "$images"/*.jpg "$images"/*.png; do
    [ -f "$f" ] || continue
    wh="$(basename "${f%.*}")"
    [[ "$wh" =~ ^([0-9]+)x([0-9]+)$ ]] || continue
    px=$(( BASH_REMATCH[1] * BASH_REMATCH[2] ))
    if [ "$px" -gt "$best_px" ]; then best="$f"; best_px="$px"; fi
  done
  [ -n "$best" ] && echo "$best"
}

install_packages
mkdir -p "$DIR"
find "$DIR" -maxdepth 1 -type l \( -name 'lomiri-*' -o -name 'mate-*' -o -name 'plasma-*' \) -delete

rows=()
link() {   # link SOURCE NAME TITLE AUTHOR LICENCE PACKAGE
  ln -s "$1" "$DIR/$2"
  rows+=("| $2 | $3 | $4 | $5 | $6 \`${1}\` |")
}

lomiri_copyright=/usr/share/doc/lomiri-wallpapers-16.04/copyright
for f in "$LOMIRI_DIR"/*_by_*.jpg; do
  [ -f "$f" ] || continue
  stem="$(basename "${f%.*}")"
  skip=0
  for s in "${LOMIRI_SKIP[@]}"; do [ "$stem" = "$s" ] && skip=1; done
  [ "$skip" -eq 1 ] && continue
  IFS=$'\t' read -r copy lic < <(dep5 "$lomiri_copyright" "16.04/$(basename "$f")")
  [ -n "$copy" ] || warn "no copyright stanza for $f in $lomiri_copyright"
  link "$f" "lomiri-$stem.${f##*.}" "${stem%%_by_*}" "$copy" "$lic" lomiri-wallpapers-16.04
done

mate_copyright=/usr/share/doc/mate-backgrounds/copyright
for f in "$MATE_DIR"/*.jpg "$MATE_DIR"/*.png; do
  [ -f "$f" ] || continue
  stem="$(basename "${f%.*}")"
  IFS=$'\t' read -r copy lic < <(dep5 "$mate_copyright" "nature/$(basename "$f")")
  [ -n "$copy" ] || warn "no copyright stanza for $f in $mate_copyright"
  title="$(sed 's/\([a-z]\)\([A-Z]\)/\1 \2/g' <<< "$stem")"
  link "$f" "mate-$stem.${f##*.}" "$title" "$copy" "$lic" mate-backgrounds
done

plasma_copyright=/usr/share/doc/plasma-workspace-wallpapers/copyright
IFS=$'\t' read -r _ plasma_lic < <(dep5 "$plasma_copyright" "*")
for name in "${PLASMA_PHOTOS[@]}"; do
  f="$(plasma_file "$PLASMA_DIR/$name/contents/images" || true)"
  if [ -z "$f" ]; then warn "no image for Plasma wallpaper $name under $PLASMA_DIR/$name"; continue; fi
  title="$name"; authors="KDE Visual Design Group"; meta_lic=""
  if [ -f "$PLASMA_DIR/$name/metadata.json" ]; then
    IFS=$'\t' read -r title authors meta_lic < <(plasma_meta "$PLASMA_DIR/$name/metadata.json")
  fi
  link "$f" "plasma-$name.${f##*.}" "$title" "$authors" "$plasma_lic (debian/copyright); $meta_lic (metadata.json)" \
    plasma-workspace-wallpapers
done

{
  echo "# Credits of the photographs in this directory"
  echo
  echo "Symbolic links made by scripts/wallpapers.sh into the Debian packages ${PACKAGES[*]};"
  echo "titles, authors and licences as read from /usr/share/doc/<package>/copyright (Plasma: also the"
  echo "wallpaper's metadata.json, whose licence field differs from the Debian file's)."
  echo "The photographs are used, not redistributed. CC-BY and CC-BY-SA photographs require attribution:"
  echo "credit their authors as below wherever a result shows or derives from them."
  echo
  echo "| file | title | author (copyright statement) | licence | source |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}" | LC_ALL=C sort
} > "$DIR/CREDITS.md.tmp"
mv "$DIR/CREDITS.md.tmp" "$DIR/CREDITS.md"

echo "linked ${#rows[@]} photographs into $DIR (credits in $DIR/CREDITS.md)" >&2
