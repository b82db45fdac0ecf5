#!/usr/bin/env bash
# Sourced by the bench scripts: start_throwaway_postgres starts a PostgreSQL cluster in a temporary folder (as test.sh starts
# one; fsync off, as there), stops and deletes it when the calling script exits, and exports ARIADNE_BENCH_POSTGRES. With
# ARIADNE_BENCH_POSTGRES already set, that server is used and no cluster is started.
start_throwaway_postgres() {
    [[ -n ${ARIADNE_BENCH_POSTGRES:-} ]] && return 0
    PGBIN=$(for f in /usr/lib/postgresql/*/bin/initdb; do [[ -x $f ]] && echo "${f%/initdb}"; done | sort -V | tail -n 1)
    PGUSER_OS=postgres
    id -u postgres >/dev/null 2>&1 || PGUSER_OS=ariadne-pg
    PGTMP=$(mktemp -d /tmp/ariadne-bench-pg.XXXXXXXX)
    trap '(cd "$PGTMP" && runuser -u "$PGUSER_OS" -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop) >/dev/null 2>&1 || true; rm -rf -- "$PGTMP"' EXIT
    as_pg() { (cd "$PGTMP" && runuser -u "$PGUSER_OS" -- "$@"); }
    PGPASS=$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)
    printf '%s\n' "$PGPASS" >"$PGTMP/pwfile"
    chown -R "$PGUSER_OS:" "$PGTMP"
    chmod 700 "$PGTMP"
    as_pg "$PGBIN/initdb" -D "$PGTMP/data" --auth=scram-sha-256 -U postgres --pwfile="$PGTMP/pwfile" -E UTF8 --locale=C --no-sync >/dev/null
    PGPORT=56432
    while (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
    as_pg "$PGBIN/pg_ctl" -w -t 60 -D "$PGTMP/data" -l "$PGTMP/postgres.log" \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
    export ARIADNE_BENCH_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$PGPASS;Database=postgres"
}
