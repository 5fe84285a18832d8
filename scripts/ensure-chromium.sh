#!/bin/sh
# Playwright drives Debian's Chromium, since browser downloads are not available everywhere.
# Installs it with apt-get when missing and we are root; otherwise says what to install.
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium with apt-get (one time)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi
echo "No Chromium at $CHROMIUM. Install it with 'sudo apt-get install -y chromium'," >&2
echo "or point CHROMIUM_PATH at a Chromium or Chrome binary." >&2
exit 1
