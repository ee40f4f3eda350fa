"""Compares `memplay symtable` with CPython's own symbol table on every file
of tests/symtable/cases/ and tests/parser/cases/: the same scopes in the
same order, and for every name the same flags and scope.  Free variables
that only pass through a scope come, in CPython, from a set in hash order;
they are compared sorted.  Run by `make test` with python3 (3.11)."""
import pathlib
import subprocess
import symtable
import sys

SCOPE_OFF, SCOPE_MASK = 11, 15
root = pathlib.Path(__file__).parent
tool = sys.argv[1] if len(sys.argv) > 1 else "build/out/native/memplay"


def cpython(path):
    out = []

    def dump(t, depth):
        out.append(f"{'  ' * depth}{t.get_type()} {t.get_name()} line {t.get_lineno()}")
        lines, passing = [], []
        for name, v in t._table.symbols.items():
            flags, scope = v & ((1 << SCOPE_OFF) - 1), (v >> SCOPE_OFF) & SCOPE_MASK
            line = f"{'  ' * (depth + 1)}{name} flags={flags} scope={scope}"
            (passing if flags == 0 else lines).append(line)
        out.extend(lines + sorted(passing))
        for c in t.get_children():
            dump(c, depth + 1)

    dump(symtable.symtable(path.read_text(encoding="utf-8"), str(path), "exec"), 0)
    return "\n".join(out) + "\n"


failed = 0
cases = sorted((root / "cases").glob("*.py")) + sorted((root.parent / "parser" / "cases").glob("*.py"))
for case in cases:
    want = cpython(case)
    run = subprocess.run([tool, "symtable", str(case)], capture_output=True, text=True)
    if run.returncode == 0 and run.stdout == want:
        continue
    failed += 1
    print(f"FAIL {case.name}")
    got = run.stdout.splitlines() if run.returncode == 0 else [run.stderr.strip()]
    for g, w in zip(got + [""] * 999, want.splitlines()):
        if g != w:
            print(f"  memplay: {g}\n  cpython: {w}")
            break
for case in sorted((root / "errors").glob("*.py")):
    cases.append(case)
    try:
        symtable.symtable(case.read_text(encoding="utf-8"), str(case), "exec")
        want = "no error"
    except SyntaxError as e:
        want = f"{type(e).__name__}: {e.msg} @{e.lineno}"
    run = subprocess.run([tool, "symtable", str(case)], capture_output=True, text=True)
    lines = run.stderr.strip().splitlines()
    got = f"{lines[-1]} @{lines[0].rsplit('line ', 1)[-1]}" if run.returncode else "no error"
    if got != want:
        failed += 1
        print(f"FAIL errors/{case.name}\n  memplay {got}\n  cpython {want}")
print(f"symtable: {len(cases) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
