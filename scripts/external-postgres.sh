#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster on a free loopback port, for the storage tests against a real external server.
#   scripts/external-postgres.sh start DIR   -> prints the JDBC URL on stdout, logs in DIR/server.log
#   scripts/external-postgres.sh stop DIR
# Installs Debian's postgresql-15 with apt-get where it is missing. The cluster runs as the postgres user (the
# server refuses root), in DIR, owned by that user, listening on 127.0.0.1 only.
set -euo pipefail

cmd=${1:?usage: external-postgres.sh start|stop DIR}
dir=${2:?usage: external-postgres.sh start|stop DIR}
bin=/usr/lib/postgresql/15/bin

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_installed() {
  if [ ! -x "$bin/initdb" ]; then
    echo "installing postgresql-15 with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 apt-get update -q >&2
    timeout 600 apt-get install -y -q postgresql-15 >&2
  fi
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo 55432
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

case "$cmd" in
  start)
    ensure_installed
    mkdir -p "$dir"
    chown postgres "$dir" 2>/dev/null || true
    chmod 700 "$dir"
    port=$(free_port)
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=on" start >&2
    as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE trustspace_it" >&2
    echo "$port" >"$dir/port"
    echo "jdbc:postgresql://127.0.0.1:$port/trustspace_it"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: external-postgres.sh start|stop DIR" >&2
    exit 2
    ;;
esac
