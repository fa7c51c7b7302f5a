#!/usr/bin/env bash
# Installs what Between Takes needs to build, run its demo and run its tests:
# the npm packages (when missing or out of date), Debian's Chromium (when missing
# and CHROMIUM_PATH is not set) and Firefox ESR (when missing and FIREFOX_PATH is
# not set), the two browsers of the end-to-end tests; with --fonts also a Korean font, without
# which Chromium draws hangul as empty boxes (`npm run screenshots` asks for it).
# Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund
fi

# Debian packages, installed together (one apt-get update) when something is missing:
# the two browsers the end-to-end tests run in, and with --fonts a Korean font for screenshots.
packages=()
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then packages+=(chromium); fi
if [ -z "${FIREFOX_PATH:-}" ] && ! command -v firefox-esr >/dev/null 2>&1; then packages+=(firefox-esr); fi
if [ "${1:-}" = "--fonts" ] && [ -z "$(fc-list :lang=ko 2>/dev/null)" ]; then packages+=(fonts-noto-cjk); fi

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's ${packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  else
    echo "setup: missing ${packages[*]}: the demo and the end-to-end tests run in Chromium and Firefox," >&2
    echo "       and screenshots need a Korean font. Install them (sudo apt-get install ${packages[*]})," >&2
    echo "       or set CHROMIUM_PATH / FIREFOX_PATH to the browsers' binaries." >&2
    exit 1
  fi
fi
