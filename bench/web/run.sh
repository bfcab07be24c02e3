#!/usr/bin/env bash
# Web benchmark on national data (issue #16). Publishes Trinn (Release), seeds a national database once
# (`trinn seed --scale national`), starts the app with Production settings over https (self-signed certificate),
# signs in as demo users, and drives each key route with wrk at 1 and 16 connections, then the write mix (journal
# notes and employer contacts through their forms, with the form's antiforgery token). Prints one table per run:
# requests/s, p50/p99 (ms), responses that were not the expected status, socket errors, and the app's peak memory.
#
#   bench/web/run.sh --provider sqlite|postgres [--commit REV] [--duration 15s] [--warmup 10s|0] [--data /var/tmp/trinn-bench] [--connections "1 16"]
#
# The app measured is exactly REV (default HEAD): exported with git archive and published from there, so uncommitted
# edits never leak into a measurement and two commits can be compared with the same command. The national database is
# seeded once per version of the migrations and the generator (SQLite: DATA/national-KEY.db; PostgreSQL: database
# trinn_bench_KEY in a throwaway cluster of its own, as user postgres, under DATA, default settings with fsync on, port
# 55490, stopped at the end) and kept for later runs; delete it to seed again. Each run measures a fresh copy of it
# (DATA/national-run.db; database trinn_bench_run), so runs compare. Nothing is left running.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"

PROVIDER=sqlite DURATION=15s WARMUP=10s DATA=/var/tmp/trinn-bench CONNECTIONS="1 16" PG_PORT=55490 REV=HEAD
while [ $# -gt 0 ]; do
  case "$1" in
    --provider) PROVIDER="$2"; shift 2 ;;
    --commit) REV="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    *) echo "usage: $0 --provider sqlite|postgres [--commit REV] [--duration 15s] [--warmup 10s|0] [--data DIR] [--connections \"1 16\"]" >&2; exit 2 ;;
  esac
done
mkdir -p "$DATA"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Fixed keys for the benchmark data only (the seed encrypts national IDs with them, the app decrypts).
export NationalIds__EncryptionKey="YmVuY2htYXJrLW9ubHktZW5jcnlwdGlvbi1rZXktMzI=" NationalIds__LookupKey="YmVuY2htYXJrLW9ubHktbG9va3VwLWhtYWMta2V5LTM="
PASSWORD="${TRINN_DEMO_PASSWORD:-Demo!2345}"
COMMIT="$(git rev-parse --short "$REV")"
# One database per version of the schema and the generator: the migrations of the provider measured (the PostgreSQL
# database used to be keyed by the SQLite migrations, so a PostgreSQL-only schema change reused a stale database) and
# the generator. A path missing at REV makes the key fail rather than hash a partial list.
case "$PROVIDER" in
  sqlite) MIGRATIONS=src/Trinn.Migrations.Sqlite ;;
  postgres) MIGRATIONS=src/Trinn.Migrations.Postgres ;;
  *) echo "unknown provider $PROVIDER" >&2; exit 2 ;;
esac
KEY_TREES=$(git rev-parse "$REV:$MIGRATIONS" "$REV:src/Trinn.Cli/Seed") || { echo "cannot key the database: $MIGRATIONS or src/Trinn.Cli/Seed missing at $REV" >&2; exit 2; }
KEY=$(printf '%s\n' "$KEY_TREES" | sha1sum | cut -c1-10)

log() { printf '== %s\n' "$*" >&2; }
APP_PID="" ; PG_DIR="$DATA/pg" ; PG_BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/postgres | sort -V | tail -1)")"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ "$PROVIDER" = postgres ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

BUILD="$DATA/build-$COMMIT"; APP="$BUILD/app"; CLI="$BUILD/cli"
if [ ! -f "$BUILD/.published" ]; then
  log "Publishing Trinn $COMMIT (Release) from a clean export"
  rm -rf "$BUILD"; mkdir -p "$BUILD/src"
  git archive "$REV" | tar -x -C "$BUILD/src"
  [ -d src/Trinn.Web/node_modules ] && ln -s "$ROOT/src/Trinn.Web/node_modules" "$BUILD/src/src/Trinn.Web/node_modules"
  dotnet publish "$BUILD/src/src/Trinn.Web" -c Release -o "$APP" -nologo -v q >/dev/null
  dotnet publish "$BUILD/src/src/Trinn.Cli" -c Release -o "$CLI" -nologo -v q >/dev/null
  touch "$BUILD/.published"
fi

case "$PROVIDER" in
  sqlite)
    DB_PROVIDER=Sqlite; CONN="Data Source=$DATA/national-$KEY.db"
    NEED_SEED=$([ -f "$DATA/national-$KEY.db" ] && echo no || echo yes) ;;
  postgres)
    DB_PROVIDER=Postgres; CONN="Host=127.0.0.1;Port=$PG_PORT;Username=trinn;Database=trinn_bench_$KEY;Maximum Pool Size=100"
    if [ ! -d "$PG_DIR/data" ]; then
      mkdir -p "$PG_DIR"; [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
      as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U trinn --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
      -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_connections=200" start >/dev/null
    NEED_SEED=$(psql -h 127.0.0.1 -p $PG_PORT -U trinn -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='trinn_bench_$KEY'" | grep -q 1 && echo no || echo yes)
    [ "$NEED_SEED" = yes ] && psql -h 127.0.0.1 -p $PG_PORT -U trinn -d postgres -qc "CREATE DATABASE trinn_bench_$KEY" ;;
  *) echo "unknown provider $PROVIDER" >&2; exit 2 ;;
esac

if [ "$NEED_SEED" = yes ]; then
  log "Seeding national data into $PROVIDER (once; kept for later runs)"
  ( cd "$CLI" && /usr/bin/time -f "seed: %e s wall, %U s user, %S s sys, %M KB peak" \
      dotnet trinn.dll seed --scale national --seed 1 --provider "$DB_PROVIDER" --connection "$CONN" ) >&2
fi

# Every run starts from the data as seeded: the app runs on a copy. (Each run appends a few hundred thousand audit
# entries and notes; on the kept database they piled up on the same benchmark user's candidates run after run, and
# Min portefølje measured ≈ 40 % slower after a day of runs than on fresh data.)
case "$PROVIDER" in
  sqlite)
    log "Copying the seeded database for this run"
    rm -f "$DATA/national-run.db" "$DATA/national-run.db-wal" "$DATA/national-run.db-shm"
    cp "$DATA/national-$KEY.db" "$DATA/national-run.db"
    [ -f "$DATA/national-$KEY.db-wal" ] && cp "$DATA/national-$KEY.db-wal" "$DATA/national-run.db-wal"
    CONN="Data Source=$DATA/national-run.db" ;;
  postgres)
    log "Copying the seeded database for this run (CREATE DATABASE … TEMPLATE)"
    psql -h 127.0.0.1 -p $PG_PORT -U trinn -d postgres -qc "DROP DATABASE IF EXISTS trinn_bench_run" \
      -c "CREATE DATABASE trinn_bench_run TEMPLATE trinn_bench_$KEY"
    CONN="Host=127.0.0.1;Port=$PG_PORT;Username=trinn;Database=trinn_bench_run;Maximum Pool Size=100" ;;
esac

log "Starting the app (Production, https)"
CERT="$DATA/cert"; mkdir -p "$CERT"
[ -f "$CERT/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout "$CERT/key.pem" -out "$CERT/cert.pem" -days 365 -subj /CN=localhost >/dev/null 2>&1
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()')
BASE="https://127.0.0.1:$PORT"
( cd "$APP" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" \
    Kestrel__Certificates__Default__Path="$CERT/cert.pem" Kestrel__Certificates__Default__KeyPath="$CERT/key.pem" \
    Database__Provider="$DB_PROVIDER" Database__ConnectionString="$CONN" Database__MigrateOnStartup=true App__PublicBaseUrl="$BASE" \
    NationalIds__AllowSynthetic=true Logging__LogLevel__Default=Warning \
    exec dotnet Trinn.Web.dll >"$DATA/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 120); do curl -ksf "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -ksf "$BASE/health" >/dev/null || { cat "$DATA/app.log" >&2; exit 1; }
APP_REAL_PID=$(pgrep -P "$APP_PID" -f Trinn.Web.dll || echo "$APP_PID")

# Signs in through the login form (scraping its antiforgery token) into a cookie jar; cookies() prints a jar as a header.
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
signin() { # user jar
  local token; token=$(curl -ks -c "$2" -b "$2" "$BASE/Account/Login" | token_of)
  curl -ks -c "$2" -b "$2" -o /dev/null -X POST "$BASE/Account/Login" \
    --data-urlencode "Input.UserName=$1" --data-urlencode "Input.Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$token"
}
cookies() { awk '$6 ~ /^trinn/ {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$1"; }
SPECIALIST_JAR="$DATA/specialist.jar"; SUPERVISOR_JAR="$DATA/supervisor.jar"; rm -f "$SPECIALIST_JAR" "$SUPERVISOR_JAR"
signin jobbspesialist1 "$SPECIALIST_JAR"; signin metodeveileder1 "$SUPERVISOR_JAR"
SPECIALIST_COOKIE=$(cookies "$SPECIALIST_JAR"); SUPERVISOR_COOKIE=$(cookies "$SUPERVISOR_JAR")
echo "$SPECIALIST_COOKIE" | grep -q trinn.auth || { echo "sign-in failed" >&2; exit 1; }

CANDIDATES=$(curl -ksf -H "Cookie: $SPECIALIST_COOKIE" "$BASE/api/candidates?pageSize=50" | jq -r '.items[].id' | tr '\n' ' ')
EMPLOYERS=$(curl -ksf -H "Cookie: $SPECIALIST_COOKIE" "$BASE/Employers" | grep -o 'href="/Employers/Details/[0-9]*"' | grep -o '[0-9]*' | head -25 | tr '\n' ' ')
paths() { local prefix=$1; shift; for id in "$@"; do printf '%s%s ' "$prefix" "$id"; done; }

# The write forms' token, from the journal form while signed in (antiforgery tokens are per session and user, not per form).
WRITE_TOKEN=$(curl -ks -b "$SPECIALIST_JAR" -c "$SPECIALIST_JAR" "$BASE/Candidates/Journal/${CANDIDATES%% *}" | token_of)
WRITE_COOKIE=$(cookies "$SPECIALIST_JAR")

RESULTS=$(mktemp)
run() { # label cookie expect connections paths...
  local label=$1 cookie=$2 expect=$3 c=$4; shift 4
  local threads=$([ "$c" -gt 1 ] && echo 2 || echo 1)
  TRINN_LABEL="$label" TRINN_COOKIE="$cookie" TRINN_EXPECT="$expect" TRINN_PATHS="$*" \
    wrk -t"$threads" -c"$c" -d"$DURATION" --timeout 10s -s bench/web/route.lua "$BASE" | grep '^RESULT' | sed "s/^RESULT\t/$c\t/" >>"$RESULTS"
}
# Warm-up, not recorded: every route once at 16 connections, so the figures are the steady state a server that has run
# for a while gives (the JIT's tiered recompilation of a freshly started app took about a minute of load on this
# machine, and the first routes measured paid for it).
log "Warming up every route for $WARMUP (not recorded)"
warm() { local label=$1 cookie=$2; shift 2; TRINN_LABEL="$label" TRINN_COOKIE="$cookie" TRINN_PATHS="$*" \
  wrk -t2 -c16 -d"$WARMUP" --timeout 10s -s bench/web/route.lua "$BASE" >/dev/null; }
if [ "$WARMUP" != 0 ]; then
  warm health "" /health
  warm portfolio "$SPECIALIST_COOKIE" /Portfolio
  warm team "$SPECIALIST_COOKIE" /Candidates "/Candidates?side=2"
  warm page "$SPECIALIST_COOKIE" $(paths /Candidates/Details/ $CANDIDATES)
  warm dashboard "$SUPERVISOR_COOKIE" /Overview
  warm employer "$SPECIALIST_COOKIE" $(paths /Employers/Details/ $EMPLOYERS)
  warm list "$SPECIALIST_COOKIE" "/api/candidates" "/api/candidates?page=2"
  warm api "$SPECIALIST_COOKIE" $(paths /api/candidates/ $CANDIDATES)
fi

log "Driving routes for $DURATION each at connections: $CONNECTIONS"
for c in $CONNECTIONS; do
  run "/health" "" 2xx "$c" /health
  run "Min portefølje" "$SPECIALIST_COOKIE" 2xx "$c" /Portfolio
  run "Team list" "$SPECIALIST_COOKIE" 2xx "$c" /Candidates "/Candidates?side=2" "/Candidates?status=alle&side=3"
  run "Candidate page" "$SPECIALIST_COOKIE" 2xx "$c" $(paths /Candidates/Details/ $CANDIDATES)
  run "Dashboard (/Overview)" "$SUPERVISOR_COOKIE" 2xx "$c" /Overview
  run "Employer page" "$SPECIALIST_COOKIE" 2xx "$c" $(paths /Employers/Details/ $EMPLOYERS)
  run "GET /api/candidates" "$SPECIALIST_COOKIE" 2xx "$c" "/api/candidates" "/api/candidates?page=2" "/api/candidates?stage=3"
  run "GET /api/candidates/{id}" "$SPECIALIST_COOKIE" 2xx "$c" $(paths /api/candidates/ $CANDIDATES)
  TRINN_LABEL="Write mix (journal, contact)" TRINN_COOKIE="$WRITE_COOKIE" TRINN_TOKEN="$WRITE_TOKEN" TRINN_TODAY="$(date -u +%F)" \
    TRINN_CANDIDATES="$CANDIDATES" TRINN_EMPLOYERS="$EMPLOYERS" \
    wrk -t"$([ "$c" -gt 1 ] && echo 2 || echo 1)" -c"$c" -d"$DURATION" --timeout 10s -s bench/web/writes.lua "$BASE" \
    | grep '^RESULT' | sed "s/^RESULT\t/$c\t/" >>"$RESULTS"
done

PEAK_KB=$(awk '/VmHWM/ {print $2}' "/proc/$APP_REAL_PID/status" 2>/dev/null || echo 0)
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
if grep -q "Exception" "$DATA/app.log"; then log "the app logged exceptions: see $DATA/app.log"; fi

echo
echo "Trinn $COMMIT, $PROVIDER, national data (seed 1), Production over https, wrk $DURATION per row"
echo "Machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/Mem/ {print $2}') GB RAM; load average before/after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| conn | route | req/s | p50 ms | p99 ms | unexpected status | socket errors | requests |\n|---:|---|---:|---:|---:|---:|---:|---:|\n'
awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8}' "$RESULTS"
echo
echo "App peak memory (VmHWM): $((PEAK_KB / 1024)) MB"

# The issue's targets (#16), at 16 connections: p99 under 100 ms for Min portefølje, a candidate page and the candidate
# API, under 250 ms for the dashboard; the candidate API at least half of /health's requests per second; no errors in any
# row; peak memory under 500 MB.
echo
echo "Targets at 16 connections (issue #16):"
awk -F'\t' -v peak="$((PEAK_KB / 1024))" '
  function check(what, ok) { printf "- %s: %s\n", what, ok ? "met" : "NOT MET" }
  { errors += $6 + $7 }
  $1 == 16 { rps[$2] = $3; p99[$2] = $5; seen[$2] = 1 }
  END {
    if (!seen["/health"]) { print "- not measured at 16 connections"; exit }
    check(sprintf("Min portefølje p99 %s ms < 100", p99["Min portefølje"]), p99["Min portefølje"] < 100)
    check(sprintf("candidate page p99 %s ms < 100", p99["Candidate page"]), p99["Candidate page"] < 100)
    check(sprintf("candidate API p99 %s ms < 100", p99["GET /api/candidates/{id}"]), p99["GET /api/candidates/{id}"] < 100)
    check(sprintf("dashboard p99 %s ms < 250", p99["Dashboard (/Overview)"]), p99["Dashboard (/Overview)"] < 250)
    share = 100 * rps["GET /api/candidates/{id}"] / rps["/health"]
    check(sprintf("candidate API %s req/s = %.0f %% of /health (%s) >= 50 %%", rps["GET /api/candidates/{id}"], share, rps["/health"]), share >= 50)
    check(sprintf("unexpected status and socket errors, all rows: %d", errors), errors == 0)
    check(sprintf("peak memory %d MB < 500", peak), peak < 500)
    printf "(the API list route, GET /api/candidates, is not in the targets above: p99 %s ms)\n", p99["GET /api/candidates"]
  }' "$RESULTS"
rm -f "$RESULTS"
