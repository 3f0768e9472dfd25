#!/usr/bin/env bash
# One entry point for a fresh machine: brings Node 22 and pnpm from the npm registry
# when the machine lacks them (no curl, no nvm), installs the workspace, then runs
# `pnpm <args>` (e.g. `bash scripts/up.sh start`, `bash scripts/up.sh test`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
node_spec="node@22"
pnpm_spec="pnpm@10.34.8"
export PATH="$tools/node_modules/.bin:$PATH"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  echo "pressline: Node $(node -v 2>/dev/null || echo none) is older than 22; installing $node_spec into .tools" >&2
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "$node_spec" >&2
  hash -r
fi
if [ "$(node_major)" -lt 22 ]; then
  echo "pressline: could not provide Node 22 (found $(node -v))" >&2
  exit 1
fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" != "10" ]; then
  echo "pressline: installing $pnpm_spec into .tools" >&2
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "$pnpm_spec" >&2
  hash -r
fi

# The tests lint and run the WordPress plugin's PHP: bring php-cli from Debian's packages.
if [ "${1:-}" = "test" ] && ! command -v php >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "pressline: installing php-cli (Debian package) for the plugin tests" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli >&2
  else
    echo "pressline: the tests need php (Debian: apt-get install php-cli)" >&2
    exit 1
  fi
fi

# Browser tests drive Debian's chromium (never a browser download).
if [ "${1:-}" = "test" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "pressline: installing chromium (Debian package) for the browser tests" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  else
    echo "pressline: the browser tests need chromium (Debian: apt-get install chromium)" >&2
    exit 1
  fi
fi

cd "$root"
pnpm install --frozen-lockfile --reporter=append-only >&2
exec pnpm "$@"
