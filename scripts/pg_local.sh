#!/usr/bin/env bash
# A throwaway PostgreSQL server for the workflow store's tests and benchmark: a new cluster in
# a temporary folder, listening on loopback only, with a password-protected user.
#
#   eval "$(scripts/pg_local.sh start)"   # exports RCEVAL_TEST_POSTGRES_URL and PG_LOCAL_DIR
#   scripts/pg_local.sh stop "$PG_LOCAL_DIR"
#
# Installs Debian's `postgresql` package when the server binaries are missing (CI machines
# start without it). Run as root, the server runs as the `postgres` user (PostgreSQL refuses
# to run as root). Everything goes to stderr but the `export` lines.
set -euo pipefail

find_bin() {
    local name=$1 dir
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
    for dir in /usr/local/bin /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/$name" ]; then echo "$dir/$name"; return; fi
    done
    return 1
}

as_server_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    if ! find_bin initdb >/dev/null || ! find_bin pg_ctl >/dev/null; then
        echo "pg_local: PostgreSQL not found; installing Debian's postgresql package" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
    fi
    local initdb pg_ctl
    initdb=$(find_bin initdb) || { echo "pg_local: no initdb after installing" >&2; exit 1; }
    pg_ctl=$(find_bin pg_ctl) || { echo "pg_local: no pg_ctl after installing" >&2; exit 1; }
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    fi
    local dir port password
    dir=$(mktemp -d /tmp/rceval-pg.XXXXXX)
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
    echo "$password" > "$dir/pwfile"
    [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
    as_server_user "$initdb" -D "$dir/data" -U rceval --pwfile="$dir/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_server_user "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir" \
        start >&2 || { cat "$dir/server.log" >&2; exit 1; }
    echo "export PG_LOCAL_DIR=$dir"
    echo "export RCEVAL_TEST_POSTGRES_URL=postgres://rceval:$password@127.0.0.1:$port/postgres"
}

stop() {
    local dir=${1:?usage: pg_local.sh stop DIR}
    local pg_ctl
    pg_ctl=$(find_bin pg_ctl)
    as_server_user "$pg_ctl" -D "$dir/data" -m immediate stop >&2 || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
