#!/usr/bin/env bash
# The peer of the name evaluation command (issue #11 item 7): loads the same rows into PostgreSQL with pg_trgm
# (GIN on lower(unaccent(name)), similarity >= 0.3), runs the same queries (top 10 distinct entities by
# similarity), and prints its recall and latency beside the engine's, from the same run. Prints figures only.
#
#   bench/names-pgtrgm.sh --index FILE [--index FILE ...] [--rows N] --queries FILE [--top 10]
#                         [--connection "host=... user=... dbname=..."] [--no-engine]
#
# Without --connection it starts a throwaway cluster on 127.0.0.1 (as test.sh does) and removes it afterwards.
# The engine runs first, with the same arguments, through the bench `names` command.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

usage() {
    echo "usage: bench/names-pgtrgm.sh --index FILE [--index FILE ...] [--rows N] --queries FILE [--top 10] [--connection CONNINFO] [--no-engine]" >&2
    exit 2
}

INDEX=()
ROWS=""
QUERIES=""
TOP=10
CONNINFO=""
ENGINE=1
while (($#)); do
    case $1 in
        --index) [[ $# -ge 2 ]] || usage; INDEX+=("$(readlink -f "$2")"); shift 2 ;;
        --rows) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage; ROWS=$2; shift 2 ;;
        --queries) [[ $# -ge 2 ]] || usage; QUERIES=$(readlink -f "$2"); shift 2 ;;
        --top) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage; TOP=$2; shift 2 ;;
        --connection) [[ $# -ge 2 ]] || usage; CONNINFO=$2; shift 2 ;;
        --no-engine) ENGINE=0; shift ;;
        *) echo "names-pgtrgm: unknown argument '$1'" >&2; usage ;;
    esac
done
((${#INDEX[@]})) || usage
[[ -n $QUERIES ]] || usage
for f in "${INDEX[@]}" "$QUERIES"; do
    [[ -f $f ]] || { echo "names-pgtrgm: no such file: $f" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/names-pgtrgm.XXXXXXXX)
PGDATA_DIR=""
PGBIN=""
PGUSER_OS=""
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n $PGDATA_DIR && -f $PGDATA_DIR/postmaster.pid ]]; then
        (cd "$WORK" && runuser -u "$PGUSER_OS" -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop) >/dev/null 2>&1 || true
    fi
    rm -rf -- "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------------------
# 1. The engine, same rows, same queries.
# ---------------------------------------------------------------------------------------------------------------
if ((ENGINE)); then
    args=()
    for f in "${INDEX[@]}"; do args+=(--index "$f"); done
    [[ -n $ROWS ]] && args+=(--rows "$ROWS")
    echo "== Ariadne engine =="
    dotnet run -c Release --project bench/Ariadne.Bench -- names "${args[@]}" --queries "$QUERIES" --top "$TOP" \
        | tee "$WORK/engine.txt"
fi

# ---------------------------------------------------------------------------------------------------------------
# 2. PostgreSQL: a throwaway cluster unless a connection was given.
# ---------------------------------------------------------------------------------------------------------------
if [[ -z $CONNINFO ]]; then
    shopt -s nullglob
    for f in /usr/lib/postgresql/*/bin/initdb; do PGBIN_CANDIDATES+="${f%/initdb}"$'\n'; done
    shopt -u nullglob
    PGBIN=$(printf '%s' "${PGBIN_CANDIDATES:-}" | sort -V | tail -n 1)
    [[ -n $PGBIN ]] || { echo "names-pgtrgm: no PostgreSQL initdb under /usr/lib/postgresql/*/bin (or pass --connection)" >&2; exit 2; }
    if id -u postgres >/dev/null 2>&1; then PGUSER_OS=postgres; else PGUSER_OS=$(id -un); fi
    PGDATA_DIR=$WORK/data
    chmod 755 "$WORK"
    chown "$PGUSER_OS:" "$WORK" 2>/dev/null || true
    (cd "$WORK" && runuser -u "$PGUSER_OS" -- "$PGBIN/initdb" -D "$PGDATA_DIR" --auth=trust -U postgres -E UTF8 \
        --locale=C --no-sync >"$WORK/initdb.log" 2>&1) || { cat "$WORK/initdb.log"; exit 1; }
    port=""
    for ((p = 55700; p < 55800; p++)); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then continue; fi
        if (cd "$WORK" && runuser -u "$PGUSER_OS" -- "$PGBIN/pg_ctl" -w -t 60 -D "$PGDATA_DIR" -l "$WORK/postgres.log" \
            -o "-c listen_addresses=127.0.0.1 -p $p -c unix_socket_directories=$WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB -c maintenance_work_mem=512MB -c work_mem=64MB" \
            start >/dev/null); then
            port=$p
            break
        fi
    done
    [[ -n $port ]] || { tail -n 20 "$WORK/postgres.log"; echo "names-pgtrgm: could not start PostgreSQL" >&2; exit 1; }
    CONNINFO="host=127.0.0.1 port=$port user=postgres dbname=postgres"
fi
psql_run() { PGOPTIONS="-c client_min_messages=warning" psql "$CONNINFO" -v ON_ERROR_STOP=1 -X -q "$@"; }

# Rows in file order across the files until --rows, as the engine reads them.
# (awk, not cat | head: head closing the pipe early makes cat fail, and pipefail would end the script.)
awk -v rows="${ROWS:-0}" 'rows > 0 && NR > rows { exit } { print }' "${INDEX[@]}" >"$WORK/rows.tsv"
# Queries without a script or category get "(none)", as the engine prints them.
awk -F'\t' 'BEGIN { OFS = "\t" } NF >= 2 { print NR, $1, $2, (NF > 2 ? $3 : "(none)"), (NF > 3 ? $4 : "(none)") }' \
    "$QUERIES" >"$WORK/queries.tsv"
chmod 644 "$WORK/rows.tsv" "$WORK/queries.tsv"

echo
echo "== PostgreSQL pg_trgm ($(psql_run -At -c 'show server_version')) =="
start=$(date +%s.%N)
psql_run <<SQL
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
-- unaccent() is only STABLE (its dictionary could change); an index expression needs an IMMUTABLE wrapper.
CREATE OR REPLACE FUNCTION names_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS \$\$ SELECT public.unaccent('public.unaccent'::regdictionary, \$1) \$\$;
DROP TABLE IF EXISTS names_rows, names_queries, names_results;
CREATE UNLOGGED TABLE names_rows (entity_id text NOT NULL, name text NOT NULL);
CREATE UNLOGGED TABLE names_queries (n int, query text, expected text, script text, category text);
\copy names_rows FROM '$WORK/rows.tsv' WITH (FORMAT text, DELIMITER E'\t')
\copy names_queries FROM '$WORK/queries.tsv' WITH (FORMAT text, DELIMITER E'\t')
SQL
loaded=$(date +%s.%N)
psql_run <<SQL
CREATE INDEX names_rows_trgm ON names_rows USING gin (lower(names_unaccent(name)) gin_trgm_ops);
ANALYZE names_rows;
SQL
indexed=$(date +%s.%N)
psql_run -At -c "SELECT count(*) FROM names_rows" | awk -v l="$(echo "$loaded - $start" | bc)" -v i="$(echo "$indexed - $loaded" | bc)" \
    '{ printf "rows %s, load %.1f s, GIN index %.1f s\n", $1, l, i }'

# Each query timed inside the server (clock_timestamp), so the figure is the search, not psql's round trip.
psql_run <<SQL
SET pg_trgm.similarity_threshold = 0.3;
CREATE UNLOGGED TABLE names_results (n int, rank int, micros double precision, top text);
DO \$\$
DECLARE q record; t0 timestamptz; ids text[]; r int;
BEGIN
    FOR q IN SELECT * FROM names_queries ORDER BY n LOOP
        t0 := clock_timestamp();
        SELECT array_agg(entity_id ORDER BY s DESC, entity_id) INTO ids FROM (
            SELECT entity_id, max(similarity(lower(names_unaccent(name)), lower(names_unaccent(q.query)))) AS s
            FROM names_rows
            WHERE lower(names_unaccent(name)) % lower(names_unaccent(q.query))
            GROUP BY entity_id ORDER BY s DESC, entity_id LIMIT $TOP) best;
        r := coalesce(array_position(ids, q.expected), 0);
        INSERT INTO names_results VALUES (q.n, r, extract(epoch FROM clock_timestamp() - t0) * 1e6, array_to_string(ids, ','));
    END LOOP;
END \$\$;
SQL
psql_run -At <<SQL | tee "$WORK/pg.txt"
SELECT format('latency single thread over %s queries: p50 %s ms, p95 %s ms, p99 %s ms, max %s ms', count(*),
    round((percentile_disc(0.5) WITHIN GROUP (ORDER BY micros) / 1000)::numeric, 3),
    round((percentile_disc(0.95) WITHIN GROUP (ORDER BY micros) / 1000)::numeric, 3),
    round((percentile_disc(0.99) WITHIN GROUP (ORDER BY micros) / 1000)::numeric, 3),
    round((max(micros) / 1000)::numeric, 3)) FROM names_results;
WITH j AS (SELECT q.script, q.category, r.rank FROM names_queries q JOIN names_results r USING (n)),
g AS (
    SELECT 0 AS o, 'overall' AS label, count(*) AS n, avg((rank = 1)::int) AS r1, avg((rank BETWEEN 1 AND least(10, $TOP))::int) AS r10 FROM j
    UNION ALL SELECT 1, 'script ' || script, count(*), avg((rank = 1)::int), avg((rank BETWEEN 1 AND least(10, $TOP))::int) FROM j GROUP BY script
    UNION ALL SELECT 2, 'category ' || category, count(*), avg((rank = 1)::int), avg((rank BETWEEN 1 AND least(10, $TOP))::int) FROM j GROUP BY category)
SELECT format('recall %s n=%s  @1 %s  @%s %s', rpad(label, 28), lpad(n::text, 5), to_char(r1, 'FM0.000'), least(10, $TOP), to_char(r10, 'FM0.000'))
FROM g ORDER BY o, label COLLATE "C";
SQL
psql_run -c "DROP TABLE names_rows, names_queries, names_results" >/dev/null

if ((ENGINE)); then
    echo
    echo "== Side by side, same rows and queries: engine | pg_trgm =="
    # Latency: p50/p95/p99 in ms. Recall lines: label, n, @1 and @10 of each.
    awk '
        FNR == 1 { file++ }
        /^latency single thread/ { match($0, /p50 [0-9.]+ ms, p95 [0-9.]+ ms, p99 [0-9.]+ ms/); lat[file] = substr($0, RSTART, RLENGTH) }
        /^recall / {
            line = $0; sub(/^recall /, "", line); label = line; sub(/ +n=.*/, "", label)
            at = line; sub(/.*n= */, "n=", at)
            if (file == 1) { order[++count] = label }
            value[file, label] = at
        }
        END {
            printf "%-30s %-48s | %s\n", "latency", lat[1], lat[2]
            for (i = 1; i <= count; i++) printf "%-30s %-48s | %s\n", order[i], value[1, order[i]], value[2, order[i]]
        }' "$WORK/engine.txt" "$WORK/pg.txt"
fi
