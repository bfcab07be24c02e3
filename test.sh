#!/usr/bin/env bash
# Runs every Trinn test. Installs what the tests need and is missing (Debian packages), starts a throwaway
# PostgreSQL cluster on a free local port, runs format check, build and all test projects, stops what it
# started, and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
RUN_DIR="$ROOT/.test-run"
rm -rf "$RUN_DIR"; mkdir -p "$RUN_DIR"

log() { printf '\n== %s\n' "$*"; }

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
PG_BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/postgres | sort -V | tail -1)")"
PG_DIR="$RUN_DIR/pg"
PG_PORT="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()' 2>/dev/null || echo 55432)"
PG_USER=postgres
id -u "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$PG_USER"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi; }
mkdir -p "$PG_DIR"
[ "$(id -u)" -eq 0 ] && chown -R "$PG_USER" "$PG_DIR" && chmod 755 "$RUN_DIR"
stop_pg() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; }
trap stop_pg EXIT
log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U trinn --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export TRINN_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=trinn;Database=postgres;Pooling=true;Include Error Detail=true"
export TRINN_TEST_PG_BIN="$PG_BIN"
export TRINN_TEST_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# ---- build, format, tests ---------------------------------------------------------------------
log "Build (Release, warnings are errors)"
dotnet build Trinn.slnx -c Release -nologo -v q

log "Format check"
dotnet format Trinn.slnx --verify-no-changes --no-restore -v q

log "Pending model changes"
scripts/check-migrations.sh

log "Tests"
set +e
dotnet test Trinn.slnx -c Release --no-build -nologo -v q 2>&1 | tee "$RUN_DIR/test.log"
status=${PIPESTATUS[0]}
set -e

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
