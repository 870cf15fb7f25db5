#!/usr/bin/env bash
# Prints the path of Debian's Chromium (the demo report's browser test drives it headless through Playwright).
# Idempotent: installs it with apt-get when it is missing and this user can (root, or sudo without a password);
# otherwise exits non-zero saying what to do. MNET_CHROMIUM, when set, names the binary to use instead.
set -euo pipefail

if [[ -n "${MNET_CHROMIUM:-}" ]]; then
  if [[ -x "$MNET_CHROMIUM" ]]; then
    echo "$MNET_CHROMIUM"
    exit 0
  fi
  echo "tools/chromium/ensure.sh: MNET_CHROMIUM=$MNET_CHROMIUM is not an executable file" >&2
  exit 1
fi

found() {
  command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null
}

if path="$(found)"; then
  echo "$path"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "tools/chromium/ensure.sh: chromium is not installed and apt-get is not available: install Chromium and set MNET_CHROMIUM to its path" >&2
  exit 1
fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "tools/chromium/ensure.sh: chromium is not installed and installing it needs root: run 'sudo apt-get update && sudo apt-get install -y chromium'" >&2
  exit 1
fi

echo "tools/chromium/ensure.sh: installing chromium with apt-get..." >&2
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y chromium >&2; then
  "${as_root[@]}" apt-get update >&2
  "${as_root[@]}" apt-get install -y chromium >&2
fi

if path="$(found)"; then
  echo "$path"
else
  echo "tools/chromium/ensure.sh: apt-get finished but no chromium is on PATH" >&2
  exit 1
fi
