#!/usr/bin/env bash
# Installs what Between Takes needs to build, run its demo and run its tests:
# the npm packages (when missing or out of date) and Debian's Chromium (when
# missing and CHROMIUM_PATH is not set); with --fonts also a Korean font, without
# which Chromium draws hangul as empty boxes (`npm run screenshots` asks for it).
# Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund
fi

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: Chromium is needed for the demo and the end-to-end tests." >&2
    echo "       Install it (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary." >&2
    exit 1
  fi
fi

if [ "${1:-}" = "--fonts" ] && [ -z "$(fc-list :lang=ko 2>/dev/null)" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's fonts-noto-cjk (a Korean font)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
  else
    echo "setup: screenshots need a Korean font, or hangul shows as empty boxes." >&2
    echo "       Install one (sudo apt-get install fonts-noto-cjk)." >&2
    exit 1
  fi
fi
