#!/usr/bin/env bash
# Checks benchmark (issue 12) on SQLite, then on a throwaway PostgreSQL cluster. Prints figures, asserts nothing:
#   bench/checks.sh [--reports 100000] [--runs 200] [sqlite|postgres]
# The last argument, if given, runs one provider only. With ARIADNE_BENCH_POSTGRES already set, that (empty) database is used.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
only=""
if [[ ${*: -1} == sqlite || ${*: -1} == postgres ]]; then
    only=${*: -1}
    set -- "${@:1:$#-1}"
fi
dotnet build -c Release bench/Ariadne.Bench >/dev/null
if [[ $only != postgres ]]; then
    dotnet run -c Release --no-build --project bench/Ariadne.Bench -- checks "$@"
fi
if [[ $only != sqlite ]]; then
    # shellcheck source=bench/pg.sh
    source bench/pg.sh
    bench_postgres
    dotnet run -c Release --no-build --project bench/Ariadne.Bench -- checks --postgres "$ARIADNE_BENCH_POSTGRES" "$@"
fi
