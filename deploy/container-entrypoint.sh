#!/bin/sh
# Runs claimwatch with /data/config.toml when it exists, else on built-in defaults (the SQLite
# database then lands in /data, the working directory).
set -e
if [ -f /data/config.toml ] && [ "$#" -gt 0 ] && [ "${1#-}" = "$1" ]; then
  set -- "$@" --config /data/config.toml
fi
exec /opt/claimwatch/.venv/bin/claimwatch "$@"
