"""Compares `memplay ast` with CPython's own parser on every file of
tests/parser/cases/: the output must equal ast.dump(ast.parse(source)),
byte for byte.  Run by `make test` with the machine's python3 (3.11)."""
import ast
import pathlib
import subprocess
import sys

root = pathlib.Path(__file__).parent
tool = sys.argv[1] if len(sys.argv) > 1 else "build/out/native/memplay"
failed = 0
cases = sorted((root / "cases").glob("*.py"))
for case in cases:
    want = ast.dump(ast.parse(case.read_text(encoding="utf-8"))) + "\n"
    run = subprocess.run([tool, "ast", str(case)], capture_output=True, text=True)
    if run.returncode == 0 and run.stdout == want:
        continue
    failed += 1
    print(f"FAIL {case.name}")
    if run.returncode:
        print("  memplay failed:", run.stderr.strip())
        continue
    got = run.stdout
    i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]), min(len(got), len(want)))
    print(f"  first difference at {i}:\n  memplay ...{got[max(0, i - 80):i + 80]}\n  cpython ...{want[max(0, i - 80):i + 80]}")
print(f"parser: {len(cases) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
