#!/usr/bin/env python3
"""Regenerate the expected output of every snippet from CPython 3.11.

For each NAME.py under tests/snippets/<area>/ (sorted), run `python3 NAME.py`
in the snippet's directory with PYTHONHASHSEED=0 and write:

  NAME.out  stdout, byte for byte
  NAME.err  only when the exit status is non-zero: the last non-empty line
            of stderr plus a newline (a stale NAME.err is removed when the
            snippet now succeeds)

Snippets whose first line starts with `# memplay-only` are skipped: their
expectations are written by hand (constructs CPython runs but memplay
rejects).

  --check        regenerate in memory and list every file that differs
                 from the one on disk; exit 1 if any does
  --python PATH  the interpreter to use (default: python3); it must be 3.11
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 60


def snippets():
    found = []
    for area in sorted(os.listdir(HERE)):
        d = os.path.join(HERE, area)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".py"):
                found.append(os.path.join(d, name))
    return found


def memplay_only(path):
    with open(path, encoding="utf-8") as f:
        return f.readline().startswith("# memplay-only")


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return (lines[-1] if lines else "") + "\n"


def expected(python, path):
    """Return {suffix: bytes or None}; None means the file must not exist."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONSTARTUP", None)
    try:
        r = subprocess.run([python, os.path.basename(path)], cwd=os.path.dirname(path),
                           env=env, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"regen: {rel(path)} timed out after {TIMEOUT} s")
    if r.returncode < 0:
        raise SystemExit(f"regen: {rel(path)} died from signal {-r.returncode}")
    err = None
    if r.returncode != 0:
        err = last_line(r.stderr.decode("utf-8", "replace")).encode()
    return {".out": r.stdout, ".err": err}


def rel(path):
    return os.path.relpath(path, HERE)


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    ap.add_argument("--python", default="python3", help="python 3.11 interpreter")
    args = ap.parse_args()

    try:
        v = subprocess.run([args.python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                           capture_output=True, text=True).stdout.strip()
    except OSError as e:
        print(f"regen: cannot run {args.python}: {e}", file=sys.stderr)
        return 2
    if v != "3.11":
        print(f"regen: {args.python} is Python {v or '?'}; expectations must come from 3.11.x "
              f"(use --python PATH)", file=sys.stderr)
        return 2

    differ = []
    count = 0
    for path in snippets():
        if memplay_only(path):
            continue
        count += 1
        stem = path[:-3]
        for suffix, want in expected(args.python, path).items():
            target = stem + suffix
            have = read(target)
            if have == want:
                continue
            if args.check:
                differ.append(rel(target) + (" (missing)" if have is None else
                                             " (stale)" if want is None else ""))
            elif want is None:
                os.remove(target)
            else:
                with open(target, "wb") as f:
                    f.write(want)
    if args.check:
        for d in differ:
            print(f"differs: {d}")
        print(f"regen --check: {count} snippets, {len(differ)} files differ")
        return 1 if differ else 0
    print(f"regen: {count} snippets regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
