#!/usr/bin/env python3
"""Run memplay over the snippet corpus and compare with CPython's output.

For each tests/snippets/<area>/NAME.py, run `MEMPLAY run [ARGS] NAME.py` in
the snippet's directory and check:

  - stdout equals NAME.out byte for byte;
  - if NAME.err exists: exit status 1 and the last non-empty stderr line
    equals NAME.err's line; otherwise exit status 0.

A crash (a signal, a timeout, an exit status other than 0 or 1) always fails.
Snippets listed in tests/snippets/PENDING are expected to fail for now: a
failure there is reported as pending; a pending snippet that passes fails the
run, so the list only shrinks.

  run.py [--memplay PATH] [--arg X]... [--jobs N] [--write-pending] [FILTER]...
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PENDING = os.path.join(HERE, "PENDING")
TIMEOUT = 60
PENDING_HEADER = """\
# Snippets that memplay is known to get wrong for now, one path per line,
# relative to tests/snippets/. run.py reports their failures as "pending"
# instead of failing, but a crash still fails, and a listed snippet that
# passes fails the run until it is removed from here: the list only shrinks.
# Rewrite it with `python3 tests/snippets/run.py --write-pending`.
"""


def snippets(filters):
    found = []
    for area in sorted(os.listdir(HERE)):
        d = os.path.join(HERE, area)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".py"):
                rel = f"{area}/{name}"
                if not filters or any(f in rel for f in filters):
                    found.append(rel)
    return found


def read_pending():
    try:
        with open(PENDING, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except FileNotFoundError:
        return set()
    return {l.split("#", 1)[0].strip() for l in lines} - {""}


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else ""


def first_diff(want, got):
    """Describe the first differing line of two byte strings."""
    w = want.decode("utf-8", "replace").split("\n")
    g = got.decode("utf-8", "replace").split("\n")
    for i in range(max(len(w), len(g))):
        a = w[i] if i < len(w) else "<end of output>"
        b = g[i] if i < len(g) else "<end of output>"
        if a != b:
            return f"stdout line {i + 1}: expected {a!r}, got {b!r}"
    return "stdout differs"


def check(memplay, extra, rel):
    """Return (status, detail): status is 'pass', 'fail' or 'crash'."""
    path = os.path.join(HERE, rel)
    stem = path[:-3]
    want_out = read(stem + ".out")
    want_err = read(stem + ".err")
    if want_out is None:
        return "fail", "no .out file (run regen.py)"
    try:
        r = subprocess.run([memplay, "run", *extra, os.path.basename(path)], cwd=os.path.dirname(path),
                           capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return "crash", f"timed out after {TIMEOUT} s"
    except OSError as e:
        return "crash", f"cannot run {memplay}: {e}"
    stderr = r.stderr.decode("utf-8", "replace")
    if r.returncode < 0:
        return "crash", f"killed by signal {-r.returncode}; stderr: {last_line(stderr)!r}"
    if r.returncode not in (0, 1):
        return "crash", f"exit status {r.returncode}; stderr: {last_line(stderr)!r}"
    if r.stdout != want_out:
        return "fail", first_diff(want_out, r.stdout)
    if want_err is not None:
        want = want_err.decode("utf-8", "replace").strip("\n")
        if r.returncode != 1:
            return "fail", f"exit status {r.returncode}, expected 1 with {want!r}"
        if last_line(stderr) != want:
            return "fail", f"stderr: expected {want!r}, got {last_line(stderr)!r}"
    elif r.returncode != 0:
        return "fail", f"exit status 1, expected 0; stderr: {last_line(stderr)!r}"
    return "pass", ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--memplay", default=os.path.join(ROOT, "build/out/native/memplay"))
    ap.add_argument("--arg", action="append", default=[], help="extra argument after `run` (repeatable)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--write-pending", action="store_true",
                    help="rewrite PENDING with the snippets failing now (crashes excluded)")
    ap.add_argument("filters", nargs="*", help="only snippets whose path contains one of these")
    # `--arg --check-heap` must work although the value starts with "--".
    argv, rest = [], sys.argv[1:]
    while rest:
        a = rest.pop(0)
        if a == "--arg" and rest:
            a = "--arg=" + rest.pop(0)
        argv.append(a)
    args = ap.parse_args(argv)

    memplay = os.path.abspath(args.memplay)
    todo = snippets(args.filters)
    pending = read_pending()
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(lambda rel: (rel, *check(memplay, args.arg, rel)), todo))

    passed = pend = failed = 0
    failing = []
    for rel, status, detail in results:
        if status == "fail":
            failing.append(rel)
        if status == "pass" and rel in pending:
            failed += 1
            print(f"FAIL {rel}: now passes, remove it from PENDING")
        elif status == "pass":
            passed += 1
        elif status == "fail" and rel in pending:
            pend += 1
            print(f"pending {rel}: {detail}")
        else:
            failed += 1
            print(f"{'CRASH' if status == 'crash' else 'FAIL'} {rel}: {detail}")

    if args.write_pending:
        keep = set()
        if args.filters:  # snippets not run keep their entries
            keep = pending - set(todo)
        with open(PENDING, "w", encoding="utf-8") as f:
            f.write(PENDING_HEADER)
            for rel in sorted(keep | set(failing)):
                f.write(rel + "\n")
        print(f"wrote {os.path.relpath(PENDING, ROOT)}: {len(keep | set(failing))} snippets")

    print(f"{passed} passed, {pend} pending, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
