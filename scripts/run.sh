#!/usr/bin/env bash
# Sets up, builds, and serves Palabre: the app's static files and the relay's /ws on one port.
# Options are passed to `palabre serve` (--port, --bind, --data DIR, …). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh

port=8080 bind=127.0.0.1
args=("$@")
defaults=(--web build/wasm/web)
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --port) port=${args[i+1]} ;;
    --port=*) port=${args[i]#--port=} ;;
    --bind) bind=${args[i+1]} ;;
    --bind=*) bind=${args[i]#--bind=} ;;
  esac
done
shown_host=$bind
[ "$bind" = "0.0.0.0" ] && shown_host=127.0.0.1
echo
echo "  Palabre is starting. Host a session: http://$shown_host:$port/#/host"
echo "  (participants join from the link or code the host view shows; Ctrl-C stops)"
echo
[[ " $* " == *" --data"* ]] || defaults+=(--data ./data)
exec build/native/src/cli/palabre serve "${defaults[@]}" "$@"
