#!/bin/sh
# Fetches Debian's Go toolchains (one per release) into a cache folder of its
# own, without touching the machine's apt configuration, lists or installed
# packages.
#
# Usage:
#   sh scripts/go-toolchains.sh [install] [RELEASE...]   fetch and unpack (default: all)
#   sh scripts/go-toolchains.sh env RELEASE              print export lines for RELEASE
#   sh scripts/go-toolchains.sh goroot RELEASE           print its GOROOT only
#   sh scripts/go-toolchains.sh list                     print the releases it knows
#
#   eval "$(sh scripts/go-toolchains.sh env 1.27)" && go version
#
# RELEASE is written 1.NN (1.19, 1.21 ... 1.27). The cache folder is
# ${GO_TOOLCHAINS_DIR:-$HOME/.cache/gctrace-lab/go}; each release ends up in
# <cache>/1.NN/usr/lib/go-1.NN, which is the GOROOT. Running it again reuses
# the downloaded .deb files and the unpacked trees.
#
# Where the packages come from (Debian's archive, main component):
#   golang-1.19-go                 bookworm
#   golang-1.21-go .. 1.23-go      bookworm-backports
#   golang-1.24-go                 trixie
#   golang-1.25-go .. 1.27-go      trixie-backports
# and the matching golang-1.NN-src package for each.
#
# Packaging notes:
# - golang-1.NN-go holds bin/, pkg/ and the tools, golang-1.NN-src holds src/
#   (and test/, misc/ ...). Both unpack into usr/lib/go-1.NN and share
#   usr/share/go-1.NN, so the two are unpacked into the same tree: a GOROOT
#   without src/ cannot build anything.
# - usr/lib/go-1.NN/src, /pkg ... may be symlinks into ../../share/go-1.NN;
#   they are relative, so the tree works wherever it is unpacked.
# - Nothing else is needed to run the go command: the packages' other
#   dependencies (a C compiler for cgo, pkgconf) are not used by the
#   standard-library-only programs built here (CGO_ENABLED=0 is set by env).
set -eu

CACHE=${GO_TOOLCHAINS_DIR:-$HOME/.cache/gctrace-lab/go}
ALL="1.19 1.21 1.22 1.23 1.24 1.25 1.26 1.27"
MIRROR=http://deb.debian.org/debian
# The keyring from the debian-archive-keyring package. On Debian 12 (version
# 2023.3+deb12u2 and later) it already holds the trixie archive keys, so
# every suite below is checked against it; no [trusted=yes] is needed.
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

suite_of() {
  case $1 in
    1.19) echo bookworm ;;
    1.21 | 1.22 | 1.23) echo bookworm-backports ;;
    1.24) echo trixie ;;
    1.25 | 1.26 | 1.27) echo trixie-backports ;;
    *) echo "unknown release: $1 (known: $ALL)" >&2; return 1 ;;
  esac
}

goroot_of() {
  echo "$CACHE/$1/usr/lib/go-$1"
}

APT_DIR=$CACHE/apt

apt_opts() {
  # Everything apt reads or writes is under $APT_DIR; the machine's own
  # sources, lists, cache and dpkg status are never used.
  echo "-o Dir::Etc::sourcelist=$APT_DIR/sources.list" \
    "-o Dir::Etc::sourceparts=$APT_DIR/empty" \
    "-o Dir::Etc::preferences=/dev/null" \
    "-o Dir::Etc::preferencesparts=$APT_DIR/empty" \
    "-o Dir::State=$APT_DIR/state" \
    "-o Dir::State::Lists=$APT_DIR/lists" \
    "-o Dir::State::status=/dev/null" \
    "-o Dir::Cache=$APT_DIR/cache" \
    "-o APT::Get::List-Cleanup=0" \
    "-o Debug::NoLocking=1" \
    "-o APT::Sandbox::User=root" \
    "-o APT::Architecture=$(dpkg --print-architecture)"
}

setup_apt() {
  mkdir -p "$APT_DIR/empty" "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$APT_DIR/state" "$APT_DIR/debs"
  cat >"$APT_DIR/sources.list" <<EOF
deb [signed-by=$KEYRING] $MIRROR bookworm main
deb [signed-by=$KEYRING] $MIRROR bookworm-backports main
deb [signed-by=$KEYRING] $MIRROR trixie main
deb [signed-by=$KEYRING] $MIRROR trixie-backports main
EOF
  # Refresh the lists at most once a day.
  stamp=$APT_DIR/lists/.updated
  if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440 2>/dev/null)" ]; then
    # shellcheck disable=SC2046
    apt-get $(apt_opts) -q update >&2
    touch "$stamp"
  fi
}

install_one() {
  rel=$1
  suite=$(suite_of "$rel")
  root=$(goroot_of "$rel")
  if [ -x "$root/bin/go" ] && [ -d "$root/src/runtime" ]; then
    echo "$rel: already unpacked" >&2
  else
    setup_apt
    debs=$APT_DIR/debs
    for pkg in "golang-$rel-go" "golang-$rel-src"; do
      if ! ls "$debs/${pkg}_"*.deb >/dev/null 2>&1; then
        # shellcheck disable=SC2046
        (cd "$debs" && apt-get $(apt_opts) -q download "$pkg/$suite" >&2)
      fi
    done
    rm -rf "${CACHE:?}/$rel"
    mkdir -p "$CACHE/$rel"
    for deb in "$debs/golang-$rel-go_"*.deb "$debs/golang-$rel-src_"*.deb; do
      dpkg -x "$deb" "$CACHE/$rel"
      basename "$deb" >>"$CACHE/$rel/debs.txt"
    done
  fi
  printf '%s\t%s\t%s\n' "$rel" "$root" "$(GOROOT=$root GOTOOLCHAIN=local "$root/bin/go" version)"
}

cmd=${1:-install}
case $cmd in
  install) [ $# -gt 0 ] && shift ;;
  env | goroot)
    [ $# -eq 2 ] || { echo "usage: $0 $cmd RELEASE" >&2; exit 2; }
    suite_of "$2" >/dev/null
    root=$(goroot_of "$2")
    [ -x "$root/bin/go" ] || { echo "release $2 is not unpacked yet: run $0 install $2" >&2; exit 1; }
    if [ "$cmd" = goroot ]; then
      echo "$root"
    else
      echo "export GOROOT=$root"
      echo "export PATH=$root/bin:\$PATH"
      echo "export GOTOOLCHAIN=local CGO_ENABLED=0"
    fi
    exit 0 ;;
  list) echo "$ALL"; exit 0 ;;
  1.*) ;;
  *) echo "usage: $0 [install|env|goroot|list] [RELEASE...]" >&2; exit 2 ;;
esac

[ $# -gt 0 ] || set -- $ALL
for rel in "$@"; do
  suite_of "$rel" >/dev/null
done
for rel in "$@"; do
  install_one "$rel"
done
