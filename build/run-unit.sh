#!/usr/bin/env bash
# Runs every cmocka unit-test program given as an argument; each test runs on
# a fresh runtime and ends with the heap checker.  Ends with one line
# "unit: N passed, N failed" counting test cases; fails if any failed.
set -u
passed=0 failed=0 broken=0
for t in "$@"; do
  echo "== $t"
  out=$("$t" 2>&1); rc=$?
  echo "$out"
  passed=$((passed + $(grep -c '^\[       OK \]' <<<"$out")))
  failed=$((failed + $(grep -cE '^\[  (FAILED|ERROR)   ?\] test' <<<"$out")))
  [ "$rc" -eq 0 ] || broken=$((broken + 1))
done
echo "unit: $passed passed, $failed failed"
[ "$broken" -eq 0 ]
