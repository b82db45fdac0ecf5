#!/usr/bin/env bash
# Intelligence benchmarks on SQLite and on a throwaway PostgreSQL cluster (as test.sh starts one; fsync off, as there).
# Prints figures, asserts nothing:  bench/intelligence.sh [--reports 100000] [--runs 200]
# With ARIADNE_BENCH_POSTGRES already set, that server is used and no cluster is started.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

# shellcheck source=bench/throwaway-postgres.sh
source bench/throwaway-postgres.sh
start_throwaway_postgres
dotnet run -c Release --project bench/Ariadne.Bench -- intelligence "$@"
