#!/usr/bin/env bash
# The language server in headless Neovim (Debian's, 0.7.2 today; any later one too): diagnostics, a
# hover, one-line completions and a quick-fix applied (check.lua). Installs Neovim with apt-get
# when it is missing (as root). Usage: test/neovim/run.sh <server command> (default: node dist/server.js --stdio).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v nvim >/dev/null; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/web.yaml" "$work/web.yaml"
server="${1:-}"
if [ -z "$server" ]; then
  server="$work/server.sh"
  printf '#!/bin/sh\nexec node "%s/dist/server.js" --stdio\n' "$(cd "$here/../.." && pwd)" > "$server"
  chmod +x "$server"
fi
echo "$(nvim --version | head -1), server: $server"
cd "$work"
KW_SERVER="$server" KW_FILE="$work/web.yaml" timeout 120 nvim --headless --clean -u "$here/check.lua"
