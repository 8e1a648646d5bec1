#!/bin/sh
# Installs the Debian packages briefbuilder needs, when missing:
#   Pango (WeasyPrint's text layout), libharfbuzz-subset0 (fast font subsetting),
#   poppler-utils (pdftoppm/pdftotext, for looking at pages).
# With the argument 'test', the packages only the tests need:
#   chromium and chromium-driver (the web edition's tests run axe-core in it),
#   npm when the machine has no npm (it installs axe-core),
#   libreoffice-writer-nogui + python3-uno (tests edit drafts in LibreOffice, driven through UNO).
# As root it runs apt-get; otherwise it prints the exact command to run.
set -eu
packages="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils fontconfig"
if [ "${1:-}" = "test" ]; then
  packages="chromium chromium-driver libreoffice-writer-nogui python3-uno"
fi
missing=""
for pkg in $packages; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ "${1:-}" = "test" ]; then
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "Installing system packages:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "briefbuilder needs these Debian packages:$missing" >&2
  echo "Run: sudo apt-get install -y$missing" >&2
  exit 1
fi
