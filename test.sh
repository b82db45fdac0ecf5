#!/usr/bin/env bash
# Ariadne's single test command (also what CI runs, via .ci/run).
#
#   ./test.sh                  # whole suite
#   ./test.sh --filter Foo     # extra args go straight to `dotnet test`
#
# It installs what the tests need (Chromium, PostgreSQL, Node.js/npm) if missing, starts a
# throwaway PostgreSQL cluster on 127.0.0.1, runs `dotnet test` with a TRX
# logger, and ends with one summary line `N passed, N failed[, N skipped]`.
set -euo pipefail

# Work from the repo root whatever the caller's current folder is.
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

log() { echo "test.sh: $*"; }

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

CHROMIUM=/usr/bin/chromium

# Highest-version PostgreSQL server bin folder that has initdb (empty if none).
find_pg_bin() {
    local f best=""
    shopt -s nullglob
    for f in /usr/lib/postgresql/*/bin/initdb; do
        if [[ -x $f ]]; then best+="${f%/initdb}"$'\n'; fi
    done
    shopt -u nullglob
    printf '%s' "$best" | sort -V | tail -n 1
}

# ---------------------------------------------------------------------------
# 1. System packages: a fresh machine only has the .NET SDK.
# ---------------------------------------------------------------------------
packages=()
if [[ ! -x $CHROMIUM ]]; then
    # fonts-liberation: without any font, pages render no text.
    packages+=(chromium fonts-liberation)
fi
if ! command -v npm >/dev/null 2>&1; then
    # The web build fetches the link view's graph library (cytoscape) with `npm ci`;
    # without npm the page is a plain list and the graph's browser test fails.
    packages+=(nodejs npm)
fi
if [[ -z $(find_pg_bin) ]]; then
    packages+=(postgresql)
    # We only need the binaries: stop the package from creating (and possibly
    # starting) its own "main" cluster on port 5432.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/ariadne-no-main.conf
fi
if ((${#packages[@]})); then
    log "installing ${packages[*]} with apt-get"
    apt-get update -q
    apt-get install -y -q --no-install-recommends -o Dpkg::Use-Pty=0 "${packages[@]}"
fi

PGBIN=$(find_pg_bin)
if [[ -z $PGBIN ]]; then
    log "no PostgreSQL initdb found under /usr/lib/postgresql/*/bin"
    echo "0 passed, 1 failed"
    exit 1
fi
if [[ ! -x $CHROMIUM ]]; then
    log "$CHROMIUM still missing"
    echo "0 passed, 1 failed"
    exit 1
fi

# ---------------------------------------------------------------------------
# 2. Throwaway PostgreSQL cluster. PostgreSQL refuses to run as root, so the
#    server runs as the `postgres` OS user, or a system user of our own.
# ---------------------------------------------------------------------------
if id -u postgres >/dev/null 2>&1; then
    PGUSER_OS=postgres
else
    PGUSER_OS=ariadne-pg
    if ! id -u "$PGUSER_OS" >/dev/null 2>&1; then
        log "creating system user $PGUSER_OS to run PostgreSQL"
        useradd --system --no-create-home --shell /usr/sbin/nologin "$PGUSER_OS"
    fi
fi

# Under /tmp (not $TMPDIR) so the server user can surely reach it; the path
# also stays short enough for the Unix socket placed in it.
PGTMP=$(mktemp -d /tmp/ariadne-pg.XXXXXXXX)
PGDATA_DIR=$PGTMP/data

# Whatever happens (failure, Ctrl-C, kill), stop the cluster and remove its folder.
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -f $PGDATA_DIR/postmaster.pid ]]; then
        local pid
        pid=$(head -n 1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true)
        (cd "$PGTMP" && runuser -u "$PGUSER_OS" -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop) >/dev/null 2>&1 || true
        # Last resort: the server we started (its own pid) is still there.
        if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf -- "$PGTMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Run a command as the server user, from a folder that user can read.
as_pg() { (cd "$PGTMP" && runuser -u "$PGUSER_OS" -- "$@"); }

PGPASS=""
while [[ ${#PGPASS} -lt 16 ]]; do
    PGPASS=$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)
done
printf '%s\n' "$PGPASS" >"$PGTMP/pwfile"
chown -R "$PGUSER_OS:" "$PGTMP"
chmod 700 "$PGTMP"

log "initdb ($PGBIN) in $PGTMP as $PGUSER_OS"
if ! as_pg "$PGBIN/initdb" -D "$PGDATA_DIR" --auth=scram-sha-256 -U postgres \
    --pwfile="$PGTMP/pwfile" -E UTF8 --locale=C --no-sync >"$PGTMP/initdb.log" 2>&1; then
    cat "$PGTMP/initdb.log"
    log "initdb failed"
    echo "0 passed, 1 failed"
    exit 1
fi

# Is something already listening on 127.0.0.1:$1 ?
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Try ports from 55432 upward; retry a few times in case another process
# takes the port between our check and the server's bind.
PGPORT=""
tries=0
for ((port = 55432; port < 55632 && tries < 5; port++)); do
    if port_in_use "$port"; then continue; fi
    tries=$((tries + 1))
    if as_pg "$PGBIN/pg_ctl" -w -t 60 -D "$PGDATA_DIR" -l "$PGTMP/postgres.log" \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
        PGPORT=$port
        break
    fi
    log "PostgreSQL did not start on port $port:"
    tail -n 20 "$PGTMP/postgres.log" 2>/dev/null || true
done
if [[ -z $PGPORT ]]; then
    log "could not start PostgreSQL"
    echo "0 passed, 1 failed"
    exit 1
fi
log "PostgreSQL running on 127.0.0.1:$PGPORT"

# ---------------------------------------------------------------------------
# 3. Run the tests. Tests read these to reach PostgreSQL and Chromium.
# ---------------------------------------------------------------------------
export ARIADNE_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$PGPASS;Database=postgres"
export ARIADNE_TEST_CHROMIUM=$CHROMIUM

# One TRX file per test project lands here (TestResults/ is not committed).
RESULTS="$PWD/TestResults/run-$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$RESULTS"

log "dotnet test Ariadne.slnx -c Release $* (results in ${RESULTS#"$PWD"/})"
test_rc=0
# console verbosity=normal prints every test name (with its database provider).
# The output is also kept in console.log (and, being piped, MSBuild's terminal
# logger stays off, so per-test lines show in an interactive shell too).
# Don't stop on failure: the summary below still has to be printed.
dotnet test Ariadne.slnx -c Release \
    --results-directory "$RESULTS" \
    --logger "trx;LogFilePrefix=ariadne" \
    --logger "console;verbosity=normal" \
    "$@" 2>&1 | tee "$RESULTS/console.log" || test_rc=$?

# ---------------------------------------------------------------------------
# 4. Sum the <Counters .../> of every TRX file into one closing line.
# ---------------------------------------------------------------------------
# counter FILE NAME -> value of attribute NAME of the file's <Counters> element (0 if absent)
counter() {
    local v
    v=$(tr '\n' ' ' <"$1" | grep -o '<Counters [^>]*>' | head -n 1 |
        sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p" || true)
    echo "${v:-0}"
}

passed=0 failed=0 skipped=0 executed=0 trx_count=0
shopt -s nullglob
for trx in "$RESULTS"/*.trx; do
    trx_count=$((trx_count + 1))
    passed=$((passed + $(counter "$trx" passed)))
    run=$(counter "$trx" executed)
    executed=$((executed + run))
    # xUnit's skipped tests are left out of `executed` but not counted in
    # `notExecuted`, so skipped = total - executed (never below notExecuted).
    not_run=$(($(counter "$trx" total) - run))
    ne=$(counter "$trx" notExecuted)
    ((not_run >= ne)) || not_run=$ne
    skipped=$((skipped + not_run))
    # error/timeout/aborted are failures too, just reported differently.
    for name in failed error timeout aborted; do
        failed=$((failed + $(counter "$trx" "$name")))
    done
done
shopt -u nullglob

status=0
if ((trx_count == 0)); then
    log "no TRX results were produced (dotnet test exit code $test_rc)"
    status=1
    ((failed > 0)) || failed=1
elif ((test_rc != 0)); then
    log "dotnet test exited with code $test_rc"
    status=1
    # e.g. a project that didn't build or a crashed test host: not a pass.
    ((failed > 0)) || failed=1
elif ((failed > 0)); then
    status=1
elif ((executed == 0)); then
    log "no test was executed"
    status=1
    failed=1
fi
log "$trx_count TRX file(s) in ${RESULTS#"$PWD"/}"
# One TRX per test assembly is expected; the logger names them by timestamp,
# so two assemblies finishing at the very same moment could share one file.
assemblies=$(grep -c '^Test run for ' "$RESULTS/console.log" || true)
if ((trx_count < assemblies)); then
    log "warning: $assemblies test assemblies ran but only $trx_count TRX file(s) exist; counts may be low"
fi

# The failures again, at the very end: a CI log is often read from its tail, and the failed test's name and message
# would otherwise be lost thousands of lines above it.
if ((failed > 0)) && [[ -f "$RESULTS/console.log" ]]; then
    log "failed tests (name, then the first lines of the message):"
    grep -E -A 6 '^\s+Failed Ariadne\.' "$RESULTS/console.log" | cut -c 1-400 | head -n 80 || true
fi

summary="$passed passed, $failed failed"
if ((skipped > 0)); then summary+=", $skipped skipped"; fi
echo "$summary"
exit "$status"
