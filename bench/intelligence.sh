#!/usr/bin/env bash
# Intelligence benchmarks on SQLite and on a throwaway PostgreSQL cluster (bench/pg.sh).
# Prints figures, asserts nothing:  bench/intelligence.sh [--reports 100000] [--runs 200]
# With ARIADNE_BENCH_POSTGRES already set, that server is used and no cluster is started.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
source bench/pg.sh
bench_postgres
dotnet run -c Release --project bench/Ariadne.Bench -- intelligence "$@"
