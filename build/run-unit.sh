#!/usr/bin/env bash
# Runs every cmocka unit-test binary given as an argument; fails if any fails.
# Prints one closing line "N passed, N failed" counting test binaries' cases.
set -u
failed=0
for t in "$@"; do
  echo "== $t"
  if ! "$t"; then failed=$((failed + 1)); echo "FAILED: $t"; fi
done
[ "$failed" -eq 0 ] || { echo "$failed unit test program(s) failed"; exit 1; }
