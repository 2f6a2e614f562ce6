#!/usr/bin/env bash
# The whole suite, as `make test` and CI run it: every test on SQLite and then, when
# STYRKORT_TEST_POSTGRES_URL names a server, the same tests on PostgreSQL. Each pass spreads its tests
# over the machine's cores (pytest-xdist), each worker with its own databases and live server. At the
# end: each pass's wall time and one closing line for both ("suite: N passed, N failed").
#
# The passes run one after the other: side by side they took as long on our 2-core machines (166 s
# against 67 + 93 s), and each test's own time was then doubled by the other pass (docs/decisions.md).
set -uo pipefail
cd "$(dirname "$0")/.."
PYTEST=${PYTEST:-.venv/bin/pytest}
LOGS=var/test-logs
mkdir -p "$LOGS"
args=(-q -n "${STYRKORT_TEST_WORKERS:-auto}" --durations=15 "$@")

now() { date +%s.%N; }
seconds() { awk "BEGIN { printf \"%.0f\", $2 - $1 }"; }
# How many tests of a pass ended so, read from pytest's closing line ("2 failed, 450 passed in …").
count() {
  local closing total=0 number
  closing=$(grep -E '^[0-9]+ [a-z]+.* in [0-9.]+s' "$1" | tail -1)
  for number in $(grep -oE "[0-9]+ ($2)" <<<"$closing" | grep -oE '^[0-9]+'); do total=$((total + number)); done
  echo "$total"
}

started=${STYRKORT_RUN_STARTED:-$(now)}
tests_started=$(now)
status=0 passed=0 failed=0 times=""

pass() {  # NAME LOG [ENV=VALUE …]: one pass of the whole suite
  local name=$1 log=$2 begun rc
  shift 2
  echo "== $name =="
  begun=$(now)
  env "$@" "$PYTEST" "${args[@]}" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  times="$times${times:+, }$name $(seconds "$begun" "$(now)") s"
  passed=$((passed + $(count "$log" passed)))
  failed=$((failed + $(count "$log" "failed|errors?")))
  [ "$rc" = 0 ] || status=$rc
}

pass SQLite "$LOGS/sqlite.log" -u DATABASE_URL
if [ -n "${STYRKORT_TEST_POSTGRES_URL:-}" ]; then
  pass PostgreSQL "$LOGS/postgres.log" DATABASE_URL="$STYRKORT_TEST_POSTGRES_URL"
elif [ "${CI:-}" = "true" ]; then
  echo "CI needs PostgreSQL: STYRKORT_TEST_POSTGRES_URL is not set" >&2
  status=1
else
  echo "PostgreSQL: skipped (set STYRKORT_TEST_POSTGRES_URL=postgres://… to run the suite on PostgreSQL too)"
fi

echo "Wall time per pass: $times; before the tests (set-up, lint) $(seconds "$started" "$tests_started") s; whole run $(seconds "$started" "$(now)") s"
[ "$status" = 0 ] || [ "$failed" -gt 0 ] || failed=1  # a pass that broke off before its closing line
echo "suite: $passed passed, $failed failed"
exit "$status"
