#!/usr/bin/env bash
# Runs `palabre loadgen` (C++, the same instrument for all three) against one relay of issue 7's
# side-by-side: palabre (the loadgen starts `palabre serve` itself), ws or socketio (node relays of
# this folder, started here on a free port and measured through --relay-pid).
# usage: bench/relay/peers/run_peer.sh PALABRE_BIN palabre|ws|socketio [loadgen options…]
set -euo pipefail
palabre=$1 kind=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
if [ "$kind" = palabre ]; then exec "$palabre" loadgen --protocol palabre "$@"; fi
out=$(mktemp)
node "$here/${kind}_relay.mjs" 0 > "$out" &
relay=$!
trap 'kill $relay 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 100); do grep -q 'listening on' "$out" && break; sleep 0.1; done
port=$(sed -n 's/.*listening on \([0-9]*\).*/\1/p' "$out")
[ -n "$port" ] || { echo "run_peer.sh: the $kind relay did not start" >&2; exit 1; }
"$palabre" loadgen --protocol "$kind" --connect "127.0.0.1:$port" --relay-pid "$relay" "$@"
