#!/usr/bin/env bash
# Installs dependencies from the lockfile on any machine, then builds the site.
# `npm ci` can reject a lockfile written on another OS when this registry lacks that OS's
# optional binaries (e.g. @pagefind/darwin-arm64); then we fall back to `npm install`
# with the same pinned versions, without rewriting the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! npm ci --no-audit --no-fund; then
  echo "npm ci thất bại; thử lại bằng npm install --no-save (cùng phiên bản đã ghim)…" >&2
  npm install --no-audit --no-fund --no-save
fi

if [ "${1:-}" != "--no-build" ]; then
  npm run build
fi
