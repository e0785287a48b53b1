#!/usr/bin/env bash
# The first of the README's two commands: installs everything `npm test` needs, then builds.
#   1. System packages the tests need: Debian's chromium (driven by playwright-core)
#      and poppler-utils (pdftotext reads the printed handout back), and hugo (the bench's
#      reference build, whose template a unit test builds once). Installed with apt-get
#      when we are root; otherwise we stop at once and print the one command to run.
#   2. Node dependencies from the lockfile. `npm ci` can reject a lockfile written on another
#      OS when this registry lacks that OS's optional binaries (e.g. esbuild's per-OS packages);
#      then we fall back to `npm install` with the same pinned versions, without rewriting
#      the lockfile.
#   3. The site from the shipped content → dist/ (skipped with --no-build).
set -euo pipefail
cd "$(dirname "$0")/.."

# The same lookup as test/browser/support/browser.ts: CHROMIUM_PATH, else chromium on PATH.
have_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then [ -x "$CHROMIUM_PATH" ]; return; fi
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}
missing_packages() {
  local missing=()
  have_chromium || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v hugo >/dev/null 2>&1 || missing+=(hugo)
  echo "${missing[*]:-}"
}

missing="$(missing_packages)"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Cài gói hệ thống mà kiểm thử cần (installing system packages): $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    apt-get install -y -qq $missing </dev/null
    still="$(missing_packages)"
    if [ -n "$still" ]; then
      echo "Đã chạy apt-get nhưng vẫn thiếu: $still (still missing after apt-get install)." >&2
      exit 1
    fi
  else
    echo "Thiếu gói hệ thống mà kiểm thử cần: $missing" >&2
    echo "Missing system packages the tests need: $missing. Run this, then run setup again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $missing" >&2
    exit 1
  fi
fi

if ! npm ci --no-audit --no-fund; then
  echo "npm ci thất bại; thử lại bằng npm install --no-save (cùng phiên bản đã ghim)…" >&2
  npm install --no-audit --no-fund --no-save
fi

if [ "${1:-}" != "--no-build" ]; then
  npm run build
fi
