#!/usr/bin/env bash
# Runs every Trinn test. Installs what the tests need and is missing (Debian packages), starts a throwaway
# PostgreSQL cluster on a free local port, runs format check, build and all test projects, stops what it
# started, and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
RUN_DIR="$ROOT/.test-run"
rm -rf "$RUN_DIR"; mkdir -p "$RUN_DIR"

log() { printf '\n== %s  [%s]\n' "$*" "$(date -u +%H:%M:%S)"; }

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need_apt+=(postgresql)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
command -v sqlite3 >/dev/null 2>&1 || need_apt+=(sqlite3)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "Installing missing packages: ${need_apt[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "test.sh: need root to install ${need_apt[*]}" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# ---- throwaway PostgreSQL cluster -------------------------------------------------------------
# It lives in its own mktemp folder under /var/tmp, not in the clone, so it works from a folder other users cannot
# enter (a clone in /root or in a `mktemp -d` folder); scripts/throwaway-postgres.sh says why that is safe.
source scripts/throwaway-postgres.sh
trap trinn_pg_stop EXIT
trap 'exit 130' INT TERM HUP
trinn_pg_start
log "PostgreSQL on 127.0.0.1:$TRINN_PG_PORT (cluster in $TRINN_PG_DIR, removed on exit)"
export TRINN_TEST_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# File watching by polling, not inotify. inotify instances are counted per user across the whole machine (128 by
# default), and CI runs as root beside other work: a run once failed two Web tests when a page's asp-append-version
# could not open one more ("The configured user limit (128) on the number of inotify instances has been reached").
# The apps the tests start never need to see a file change, and a polled watcher opens no instance.
export DOTNET_USE_POLLING_FILE_WATCHER=true

# ---- build, format, tests ---------------------------------------------------------------------
log "Build (Release, warnings are errors)"
dotnet build Trinn.slnx -c Release -nologo -v q

# Whitespace only (11 s): the build already enforces every analyzer and code-style rule that is a warning
# (EnforceCodeStyleInBuild, warnings as errors), which is all a full `dotnet format --verify-no-changes` adds (1.5 min).
log "Format check"
dotnet format whitespace Trinn.slnx --verify-no-changes -v q

log "Pending model changes"
scripts/check-migrations.sh

log "Tests"
set +e
dotnet test Trinn.slnx -c Release --no-build -nologo -v q --logger "console;verbosity=minimal" \
  --logger "trx;LogFilePrefix=trinn" --results-directory "$RUN_DIR/results" 2>&1 | tee "$RUN_DIR/test.log"
status=${PIPESTATUS[0]}
set -e
log "Tests done"

# The slowest tests, so the next person who keeps the run within CI's time knows where it goes.
log "Slowest tests (from $RUN_DIR/results/*.trx)"
cat "$RUN_DIR"/results/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*>' \
  | sed -E 's/.*testName="([^"]*)".*duration="([0-9]+):([0-9]+):([0-9.]+)".*/\2 \3 \4 \1/' \
  | awk '{ s = $1 * 3600 + $2 * 60 + $3; $1 = $2 = $3 = ""; printf "%8.1f s %s\n", s, $0 }' \
  | sort -rn | head -25 || true

passed=$(grep -Eo 'Passed: +[0-9]+' "$RUN_DIR/test.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$RUN_DIR/test.log" | awk '{s+=$2} END {print s+0}')
projects=$(grep -cE '^(Passed|Failed)!' "$RUN_DIR/test.log" || true)
expected=$(ls tests/*/*.csproj | wc -l)
if [ "$projects" -ne "$expected" ]; then
  echo "test.sh: $projects of $expected test projects reported results" >&2
  status=1
fi
if [ "$passed" -eq 0 ]; then status=1; fi
echo
echo "Tests: $passed passed, $failed failed"
exit "$status"
