#!/usr/bin/env bash
# Sourced by the bench scripts (statistics.sh, intelligence.sh): one way to get a PostgreSQL server for a benchmark.
#
#   source bench/pg.sh; bench_postgres
#
# With ARIADNE_BENCH_POSTGRES already set, that server is used and nothing is started. Otherwise a throwaway cluster is
# started on 127.0.0.1 as test.sh starts one (fsync off, as there), ARIADNE_BENCH_POSTGRES is exported for it, and an EXIT
# trap stops it and removes its folder.

bench_postgres() {
    if [[ -n ${ARIADNE_BENCH_POSTGRES:-} ]]; then
        return 0
    fi
    local pgbin pgport pgpass
    pgbin=$(for f in /usr/lib/postgresql/*/bin/initdb; do [[ -x $f ]] && echo "${f%/initdb}"; done | sort -V | tail -n 1)
    if [[ -z $pgbin ]]; then
        echo "bench/pg.sh: no PostgreSQL initdb under /usr/lib/postgresql/*/bin (./test.sh installs it)" >&2
        return 1
    fi
    BENCH_PG_USER=postgres
    id -u postgres >/dev/null 2>&1 || BENCH_PG_USER=ariadne-pg
    BENCH_PG_BIN=$pgbin
    BENCH_PG_TMP=$(mktemp -d /tmp/ariadne-bench-pg.XXXXXXXX)
    trap '(cd "$BENCH_PG_TMP" && runuser -u "$BENCH_PG_USER" -- "$BENCH_PG_BIN/pg_ctl" -D "$BENCH_PG_TMP/data" -m immediate stop) >/dev/null 2>&1 || true; rm -rf -- "$BENCH_PG_TMP"' EXIT
    pgpass=$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)
    printf '%s\n' "$pgpass" >"$BENCH_PG_TMP/pwfile"
    chown -R "$BENCH_PG_USER:" "$BENCH_PG_TMP"
    chmod 700 "$BENCH_PG_TMP"
    _bench_as_pg "$pgbin/initdb" -D "$BENCH_PG_TMP/data" --auth=scram-sha-256 -U postgres --pwfile="$BENCH_PG_TMP/pwfile" \
        -E UTF8 --locale=C --no-sync >/dev/null
    pgport=56432
    while (exec 3<>"/dev/tcp/127.0.0.1/$pgport") 2>/dev/null; do pgport=$((pgport + 1)); done
    _bench_as_pg "$pgbin/pg_ctl" -w -t 60 -D "$BENCH_PG_TMP/data" -l "$BENCH_PG_TMP/postgres.log" \
        -o "-c listen_addresses=127.0.0.1 -p $pgport -c unix_socket_directories=$BENCH_PG_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
    export ARIADNE_BENCH_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Password=$pgpass;Database=postgres"
}

_bench_as_pg() { (cd "$BENCH_PG_TMP" && runuser -u "$BENCH_PG_USER" -- "$@"); }
