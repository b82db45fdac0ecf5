#!/usr/bin/env bash
# Statistics benchmarks on SQLite and on a throwaway PostgreSQL cluster (as test.sh starts one; fsync off, as there).
# Prints figures, asserts nothing:  bench/statistics.sh [--cases 100000] [--screenings 1000000] [--runs 20]
# With ARIADNE_BENCH_POSTGRES already set, that server is used and no cluster is started.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

# shellcheck source=bench/throwaway-postgres.sh
source bench/throwaway-postgres.sh
start_throwaway_postgres
dotnet run -c Release --project bench/Ariadne.Bench -- statistics "$@"
