#!/usr/bin/env bash
# Runs the Eclipse DSP TCK (../shared/tck, or $TRUSTSPACE_TCK_DIR) against a fresh TrustSpace connector.
#
#   tck/run.sh [--filter REGEX] [--reports DIR]     e.g. --filter '^(MET|CAT):'
#
# Exit code: the TCK runner's (0 = every executed test passed). The connector is always stopped.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TCK_DIR="${TRUSTSPACE_TCK_DIR:-$ROOT/../shared/tck}"
if [[ ! -x "$TCK_DIR/run-tck.sh" && ! -f "$TCK_DIR/run-tck.sh" ]]; then
  echo "no DSP TCK runner at $TCK_DIR (set TRUSTSPACE_TCK_DIR)" >&2
  exit 2
fi
DATA="$(mktemp -d "${TMPDIR:-/tmp}/trustspace-tck.XXXXXX")"
PID="$("$ROOT/tck/start-sut.sh" "$DATA")"
trap 'kill "$PID" 2>/dev/null || true; for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done; rm -rf "$DATA"' EXIT
# Reports go to tck/reports unless the caller names another folder with --reports.
if [[ " $* " == *" --reports "* ]]; then
  bash "$TCK_DIR/run-tck.sh" "$ROOT/tck/trustspace.tck.properties" "$@"
else
  bash "$TCK_DIR/run-tck.sh" "$ROOT/tck/trustspace.tck.properties" --reports "$ROOT/tck/reports" "$@"
fi
