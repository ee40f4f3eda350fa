"""Compares `memplay tokens` with CPython's own tokenizer on every file of
tests/lexer/cases/: same token types, texts and positions, once comments,
non-logical newlines and the encoding token are left out (the parser never
sees them).  Run by `make test` with the python3 on the machine (3.11)."""
import io
import json
import pathlib
import subprocess
import sys
import tokenize

SKIP = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING}
root = pathlib.Path(__file__).parent
tool = sys.argv[1] if len(sys.argv) > 1 else "build/out/native/memplay"


def cpython_tokens(path):
    with open(path, "rb") as f:
        toks = list(tokenize.tokenize(f.readline))
    out = []
    for t in toks:
        if t.type in SKIP:
            continue
        kind = tokenize.tok_name[t.exact_type if t.type == tokenize.OP else t.type]
        out.append({"type": kind, "string": t.string, "start": list(t.start), "end": list(t.end)})
    return out


def memplay_tokens(path):
    run = subprocess.run([tool, "tokens", str(path)], capture_output=True, text=True)
    if run.returncode != 0:
        return None, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()], None


failed = 0
cases = sorted((root / "cases").glob("*.py"))
for case in cases:
    want = cpython_tokens(case)
    got, err = memplay_tokens(case)
    if got == want:
        continue
    failed += 1
    print(f"FAIL {case.name}")
    if err:
        print("  memplay failed:", err.strip())
        continue
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            print(f"  token {i}: memplay {g}\n           cpython {w}")
            break
    else:
        print(f"  memplay gave {len(got)} tokens, cpython {len(want)}")
print(f"lexer: {len(cases) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
