#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: test.sh sources this file and calls trinn_pg_start / trinn_pg_stop.
# Run directly (`scripts/throwaway-postgres.sh check`) it starts a cluster, runs one query through it, stops it and
# checks that nothing is left behind: the quick test of test.sh's own PostgreSQL setup.
#
# Where the cluster lives, and why that is safe:
# - The server runs as the `postgres` user when we are root (PostgreSQL refuses to run as root), so its data
#   directory cannot live inside the clone: a clone in /root/… or in a `mktemp -d` folder (mode 700) is closed to
#   every other user, and the server could not even change into it. The cluster therefore lives in its own
#   `mktemp -d /var/tmp/trinn-pg.XXXXXXXX` folder, outside the clone.
# - mktemp picks an unpredictable name and creates the folder itself with mode 700 (it fails rather than reuse an
#   existing path), so another local user can neither pre-create nor plant a symlink at it in the world-writable
#   /var/tmp; root then hands the folder to `postgres`, and it stays mode 700: only the cluster user (and root)
#   can read the data, the log or the Unix socket, which lives in the same folder.
# - The server listens on 127.0.0.1 only, on a free port chosen at start, with trust authentication for the
#   `trinn` role: a local user could connect while the tests run, but the cluster holds nothing but test data and
#   is deleted when the tests end (test.sh stops it and removes the folder on exit, also on failure or Ctrl-C).
# - Not root: the cluster runs as the calling user in the same kind of folder, and no user is created.
# Each command for the cluster user runs from `/`, so a working directory it cannot enter never matters.

# Starts a cluster. Sets TRINN_PG_BIN, TRINN_PG_DIR, TRINN_PG_PORT and exports TRINN_TEST_POSTGRES and TRINN_TEST_PG_BIN.
trinn_pg_start() {
  TRINN_PG_BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/postgres | sort -V | tail -1)")"
  TRINN_PG_PORT="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()' 2>/dev/null || echo 55432)"
  TRINN_PG_USER="$(id -un)"
  if [ "$(id -u)" -eq 0 ]; then
    TRINN_PG_USER=postgres
    id -u "$TRINN_PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$TRINN_PG_USER"
  fi
  TRINN_PG_DIR="$(mktemp -d /var/tmp/trinn-pg.XXXXXXXX)"
  if [ "$(id -u)" -eq 0 ]; then chown "$TRINN_PG_USER" "$TRINN_PG_DIR"; fi
  _trinn_as_pg "$TRINN_PG_BIN/initdb" -D "$TRINN_PG_DIR/data" -U trinn --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  _trinn_as_pg "$TRINN_PG_BIN/pg_ctl" -D "$TRINN_PG_DIR/data" -l "$TRINN_PG_DIR/log" -w \
    -o "-p $TRINN_PG_PORT -k $TRINN_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  export TRINN_TEST_POSTGRES="Host=127.0.0.1;Port=$TRINN_PG_PORT;Username=trinn;Database=postgres;Pooling=true;Include Error Detail=true"
  export TRINN_TEST_PG_BIN="$TRINN_PG_BIN"
}

# Stops the cluster (if it runs) and removes its folder. Safe to call twice or before a start.
trinn_pg_stop() {
  [ -n "${TRINN_PG_DIR:-}" ] || return 0
  if [ -d "$TRINN_PG_DIR/data" ]; then
    _trinn_as_pg "$TRINN_PG_BIN/pg_ctl" -D "$TRINN_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$TRINN_PG_DIR" in
    /var/tmp/trinn-pg.*) rm -rf "$TRINN_PG_DIR" ;;
  esac
  TRINN_PG_DIR=""
}

_trinn_as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u "$TRINN_PG_USER" -- "$@")
  else
    (cd / && "$@")
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    check)
      trap trinn_pg_stop EXIT
      trap 'exit 130' INT TERM HUP
      trinn_pg_start
      dir="$TRINN_PG_DIR"
      owner="$(stat -c '%U %a' "$dir")"
      answer="$(_trinn_as_pg "$TRINN_PG_BIN/psql" -h 127.0.0.1 -p "$TRINN_PG_PORT" -U trinn -d postgres -tAc 'select 40 + 2')"
      trinn_pg_stop
      if [ "$answer" != 42 ]; then echo "throwaway-postgres: the cluster did not answer (got '$answer')" >&2; exit 1; fi
      if [ -e "$dir" ]; then echo "throwaway-postgres: $dir was left behind" >&2; exit 1; fi
      echo "throwaway-postgres: ok (run from $(pwd) as $(id -un); cluster in $dir, owner and mode $owner, removed)"
      ;;
    *)
      echo "usage: $0 check    (or source it and call trinn_pg_start / trinn_pg_stop)" >&2
      exit 2
      ;;
  esac
fi
