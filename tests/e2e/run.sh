#!/usr/bin/env bash
# Browser end-to-end tests: seeds a demo database, starts binome on a free local port, runs
# the node:test files against it in Debian's chromium, and stops the server.
#
# Usage: tests/e2e/run.sh [BINARY] [WEB_DIST]
#   BINARY    the binome executable      (default: build/binome, relative to the repo root)
#   WEB_DIST  the built UI (npm run build) (default: web/dist)
# Env: BINOME_SCREENSHOTS=/dir keeps screenshots; E2E_KEEP=1 keeps the temp dir and server log;
# E2E_ONLY=./flux.test.mjs runs only the files named.
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$E2E_DIR/../.." && pwd)"
BIN="${1:-build/binome}"
WEB_DIST="${2:-web/dist}"
case "$BIN" in /*) ;; *) BIN="$REPO/$BIN" ;; esac
case "$WEB_DIST" in /*) ;; *) WEB_DIST="$REPO/$WEB_DIST" ;; esac
PASSWORD='Demo-e2e-2026!'

if [ ! -x "$BIN" ]; then
  echo "e2e : binaire introuvable : $BIN" >&2
  exit 2
fi
if [ ! -f "$WEB_DIST/index.html" ]; then
  echo "e2e : interface non construite ($WEB_DIST/index.html absent) : lancez 'cd web && npm run build'" >&2
  exit 2
fi
if [ ! -d "$E2E_DIR/node_modules/playwright-core" ]; then
  (cd "$E2E_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi

TMP="$(mktemp -d -t binome-e2e.XXXXXX)"
SERVER_PID=""
cleanup() {
  local status=$?
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "${E2E_KEEP:-0}" = 1 ] || [ "$status" -ne 0 ]; then
    echo "e2e : fichiers conservés dans $TMP (journal du serveur : $TMP/server.log)" >&2
  else
    rm -rf "$TMP"
  fi
  exit "$status"
}
trap cleanup EXIT INT TERM

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')"
URL="http://127.0.0.1:$PORT"

echo "e2e : base de démonstration dans $TMP/e2e.db"
"$BIN" demo --db "sqlite:$TMP/e2e.db" --password "$PASSWORD" --nir-key-file "$TMP/nir.key" \
  >"$TMP/demo.log" 2>&1 || {
  echo "e2e : échec de '$BIN demo'" >&2; cat "$TMP/demo.log" >&2; exit 1; }
# One PECGM (département 62: the demo code 00 is not valid in the flows) imported, for the history of the Flux RSA page (flux.test;
# exit 1 only says that some synthetic dossiers were set aside).
"$BIN" flows generate --kind PECGM --dossiers 20 --departement 62 --date-reference 2024-09-01 \
  "$TMP/pecgm-e2e.xml" >>"$TMP/demo.log" 2>&1
"$BIN" flows import "$TMP/pecgm-e2e.xml" --db "sqlite:$TMP/e2e.db" --nir-key-file "$TMP/nir.key" \
  --flow-files-dir "$TMP/flux" >>"$TMP/demo.log" 2>&1 || true
grep -q "import n°" "$TMP/demo.log" || {
  echo "e2e : échec de l'import du flux de démonstration" >&2; cat "$TMP/demo.log" >&2; exit 1; }

echo "e2e : démarrage du serveur sur $URL"
"$BIN" serve --db "sqlite:$TMP/e2e.db" --listen "127.0.0.1:$PORT" --web-root "$WEB_DIST" --test-mode \
  --nir-key-file "$TMP/nir.key" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 100); do
  if curl -fsS -o /dev/null "$URL/healthz" 2>/dev/null; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "e2e : le serveur s'est arrêté au démarrage" >&2; cat "$TMP/server.log" >&2; exit 1
  fi
  sleep 0.1
done
if ! curl -fsS -o /dev/null "$URL/healthz"; then
  echo "e2e : /healthz ne répond pas 200 après 10 s" >&2; cat "$TMP/server.log" >&2; exit 1
fi

set +e
(cd "$E2E_DIR" && BINOME_URL="$URL" BINOME_DEMO_PASSWORD="$PASSWORD" \
  node --test --test-concurrency=1 ${E2E_ONLY:-./*.test.mjs})
STATUS=$?
set -e
if [ "$STATUS" -ne 0 ]; then
  echo "e2e : échec ; fin du journal du serveur :" >&2
  tail -n 40 "$TMP/server.log" >&2
fi
exit "$STATUS"
