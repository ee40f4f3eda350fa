"""Pausing a run and continuing it (what the page's engine does at its
checkpoints) changes nothing: for every snippet of the corpus, `memplay
steps` counts the same steps and line steps with and without pauses.

usage: python3 tests/steps/pause_check.py [MEMPLAY]
"""
import concurrent.futures
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEMPLAY = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build/out/native/memplay").resolve()


def counts(path, *extra):
    r = subprocess.run([str(MEMPLAY), "steps", *extra, path.name], cwd=path.parent,
                       capture_output=True, text=True, timeout=300)
    if r.returncode < 0:
        return f"crashed (signal {-r.returncode})"
    return r.stdout.splitlines()[:2]


def check(path):
    plain = counts(path)
    paused = counts(path, "--pause-every", "7")
    return None if plain == paused else f"{path.relative_to(ROOT)}: {plain} without pauses, {paused} with"


def main():
    files = sorted((ROOT / "tests/snippets").glob("*/*.py"))
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        problems = [p for p in pool.map(check, files) if p]
    for p in problems:
        print(p)
    print(f"pause check: {len(files) - len(problems)} of {len(files)} snippets count the same steps when paused")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
