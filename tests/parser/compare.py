"""Compares `memplay ast` with CPython's own parser (run by `make test` with
the machine's python3, 3.11):
  cases/*.py        the output must equal ast.dump(ast.parse(source)), byte for byte;
  errors/*.py       the error must be CPython's: type, message and line;
  unsupported/*.py  valid Python outside memplay's subset: the error must be
                    the one named on the file's first line ("# memplay: ...")."""
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


def memplay_error(path):
    run = subprocess.run([tool, "ast", str(path)], capture_output=True, text=True)
    if run.returncode == 0:
        return "no error"
    lines = run.stderr.strip().splitlines()
    line = lines[0].rsplit("line ", 1)[-1]
    return f"{lines[-1]} @{line}"


def cpython_error(path):
    try:
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    except SyntaxError as e:
        return f"{type(e).__name__}: {e.msg} @{e.lineno}"
    return "no error"


for case in sorted((root / "errors").glob("*.py")) + sorted((root / "unsupported").glob("*.py")):
    cases.append(case)
    if case.parent.name == "errors":
        want = cpython_error(case)
    else:
        want = case.read_text(encoding="utf-8").splitlines()[0].removeprefix("# memplay: ")
        want += " @" + want.rsplit("(line ", 1)[-1].rstrip(")")
    got = memplay_error(case)
    if got != want:
        failed += 1
        print(f"FAIL {case.parent.name}/{case.name}\n  memplay {got}\n  wanted  {want}")
print(f"parser: {len(cases) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
