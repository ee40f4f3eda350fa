#!/usr/bin/env python3
"""The errors a snippet itself causes (LANGUAGE.md's table) and the
reliability cases of PRODUCT.md, run against a memplay binary.

    python3 tests/errors/run.py [MEMPLAY] [-k SUBSTRING] [--arg=FLAG]... [--store] [-v]

MEMPLAY defaults to build/out/native/memplay.  Every case is NAME.py (any
bytes; the input) with NAME.json (what must happen):

    about               what the case checks (shown when it fails)
    args                flags after `memplay run FILE` (["--step-cap", "1000"])
    file                run this path (relative to the repository) instead of NAME.py
    timeout             seconds before the run counts as hung (default 60)
    exit                the exit status
    stdout              the whole of stdout
    stderr              the whole of stderr
    stderr_last         the last line of stderr
    stderr_last_prefix  how the last line of stderr starts
    stderr_file_line    N: stderr has the line `  File "<snippet>", line N`
    stderr_has          substrings stderr must contain
    stderr_lacks        substrings stderr must not contain
    max_rss_mb          the peak host memory of the run, in MiB (not checked on
                        sanitizer builds)
    python              which of "stdout", "exit", "stderr_last" must be what
                        python3 gives for the same file
    python_compile      true: the input is a syntax error; stderr_last and
                        stderr_file_line are what python3's compile(src,
                        "<snippet>", "exec") reports (type: msg, lineno)

Fields taken from python3 are stored in the JSON too, so that the suite runs
where python3 is not 3.11; where it is 3.11 they are computed at run time
and a stored value that differs fails the case (--store rewrites them).

Every case also fails on a signal (a crash), a hang, a sanitizer report, or
stderr that does not end in a newline.  No run may take more than 4 GiB of
host memory (an address-space limit; ASan's hard_rss_limit_mb on sanitizer
builds).  Exit status 1 if any case fails.
"""
import argparse
import json
import os
import signal
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
IS_311 = sys.version_info[:2] == (3, 11)
HOST_LIMIT_MB = 4096
SANITIZER_MARKS = ("AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer",
                   "runtime error:")


def last_line(text):
    lines = text.rstrip("\n").split("\n")
    return lines[-1] if lines else ""


def is_asan(binary):
    with open(binary, "rb") as f:
        return b"__asan_init" in f.read()


def run(cmd, timeout, env=None, asan=False):
    """(status or None on timeout, stdout, stderr, peak RSS in MiB) with
    undecodable bytes replaced.  The child may not take the host down: a
    plain build gets a 4 GiB address-space limit, a sanitizer build
    (whose shadow memory needs more address space) ASan's hard RSS limit."""
    def limit():
        if not asan:
            resource.setrlimit(resource.RLIMIT_AS, (HOST_LIMIT_MB << 20, HOST_LIMIT_MB << 20))
    env = dict(os.environ if env is None else env)
    if asan:
        env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"),
                                                     "hard_rss_limit_mb=%d" % HOST_LIMIT_MB]))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                             env=env, preexec_fn=limit)
        deadline = time.monotonic() + timeout
        status = None
        rss = 0
        while True:
            pid, st, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                status = -os.WTERMSIG(st) if os.WIFSIGNALED(st) else os.WEXITSTATUS(st)
                rss = usage.ru_maxrss / 1024
                p.returncode = status
                break
            if time.monotonic() > deadline:
                p.kill()
                rss = os.wait4(p.pid, 0)[2].ru_maxrss / 1024
                p.returncode = -9
                break
            time.sleep(0.005)
        out.seek(0)
        err.seek(0)
        return (status, out.read().decode("utf-8", "replace"),
                err.read().decode("utf-8", "replace"), rss)


def from_python(case, path, timeout):
    """The fields of the case that python3 decides, computed now."""
    got = {}
    if case.get("python_compile"):
        with open(path, "rb") as f:
            src = f.read()
        try:
            compile(src, "<snippet>", "exec")
            got["compile_error"] = "python3 compiles it"
        except SyntaxError as e:
            got["stderr_last"] = "%s: %s" % (type(e).__name__, e.msg)
            got["stderr_file_line"] = e.lineno
    want = case.get("python", [])
    if want:
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
        status, out, err, _ = run([sys.executable, path], timeout, env)
        if status is None:
            got["compile_error"] = "python3 timed out"
            return got
        if "stdout" in want:
            got["stdout"] = out
        if "exit" in want:
            got["exit"] = status
        if "stderr_last" in want:
            got["stderr_last"] = last_line(err)
    return got


def check(case, status, out, err, rss, timeout, asan):
    problems = []
    if status is None:
        return ["hung: no exit within %ss (peak host memory %d MiB)" % (timeout, rss)]
    if "max_rss_mb" in case and not asan and rss > case["max_rss_mb"]:
        problems.append("the process grew to %d MiB of host memory (at most %d expected: the "
                        "heap limit must bound it)" % (rss, case["max_rss_mb"]))
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = str(-status)
        problems.append("crashed: killed by %s" % name)
    for mark in SANITIZER_MARKS:
        if mark in err:
            problems.append("sanitizer report (%s)" % mark)
            break
    if err and not err.endswith("\n"):
        problems.append("stderr does not end in a newline")
    if "exit" in case and status != case["exit"]:
        problems.append("exit status %s, expected %s" % (status, case["exit"]))
    if "stdout" in case and out != case["stdout"]:
        problems.append("stdout differs:\n      expected %r\n      got      %r"
                        % (case["stdout"][-400:], out[-400:]))
    if "stderr" in case and err != case["stderr"]:
        problems.append("stderr differs:\n      expected %r\n      got      %r"
                        % (case["stderr"][-400:], err[-400:]))
    last = last_line(err)
    if "stderr_last" in case and last != case["stderr_last"]:
        problems.append("last stderr line differs:\n      expected %r\n      got      %r"
                        % (case["stderr_last"], last[-400:]))
    if "stderr_last_prefix" in case and not last.startswith(case["stderr_last_prefix"]):
        problems.append("last stderr line should start with %r, got %r"
                        % (case["stderr_last_prefix"], last[-400:]))
    if "stderr_file_line" in case:
        want = '  File "<snippet>", line %d' % case["stderr_file_line"]
        if want not in err.split("\n"):
            problems.append("stderr lacks the line %r" % want)
    for s in case.get("stderr_has", []):
        if s not in err:
            problems.append("stderr lacks %r" % s)
    for s in case.get("stderr_lacks", []):
        if s in err:
            problems.append("stderr has %r" % s)
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("memplay", nargs="?", default="build/out/native/memplay")
    ap.add_argument("-k", dest="only", help="only the cases whose name contains this")
    ap.add_argument("--arg", action="append", default=[], metavar="FLAG",
                    help="an extra flag for every run (e.g. --check-heap)")
    ap.add_argument("--store", action="store_true",
                    help="write what python3 (3.11) gives into the JSON files")
    ap.add_argument("--timeout-scale", type=float, default=1.0,
                    help="multiply every timeout (slow builds)")
    ap.add_argument("-v", action="store_true", help="print passing cases too")
    args = ap.parse_args()
    memplay = os.path.join(ROOT, args.memplay) if not os.path.isabs(args.memplay) else args.memplay
    if not os.access(memplay, os.X_OK):
        print("errors: no memplay binary at %s" % memplay, file=sys.stderr)
        return 2
    if args.store and not IS_311:
        print("errors: --store needs python3 3.11", file=sys.stderr)
        return 2
    asan = is_asan(memplay)
    names = sorted(f[:-5] for f in os.listdir(HERE) if f.endswith(".json"))
    if args.only:
        names = [n for n in names if args.only in n]
    failed = []
    for name in names:
        jpath = os.path.join(HERE, name + ".json")
        with open(jpath) as f:
            case = json.load(f)
        path = os.path.join(ROOT, case["file"]) if "file" in case else os.path.join(HERE, name + ".py")
        timeout = case.get("timeout", 60) * args.timeout_scale
        problems = []
        if IS_311 and (case.get("python") or case.get("python_compile")):
            got = from_python(case, path, timeout)
            if "compile_error" in got:
                problems.append("python3: " + got.pop("compile_error"))
            if args.store:
                stored = json.load(open(jpath))
                stored.update(got)
                with open(jpath, "w") as f:
                    json.dump(stored, f, indent=2)
                    f.write("\n")
            else:
                for k, v in got.items():
                    if k in case and case[k] != v:
                        problems.append("stored %s %r is not what python3 gives (%r); "
                                        "run with --store" % (k, case[k], v))
            case.update(got)
        cmd = [memplay, "run", path] + case.get("args", []) + args.arg
        status, out, err, rss = run(cmd, timeout, asan=asan)
        problems += check(case, status, out, err, rss, timeout, asan)
        if problems:
            failed.append(name)
            print("FAIL %s — %s" % (name, case.get("about", "")))
            for p in problems:
                print("    " + p)
        elif args.v:
            print("ok   %s" % name)
    print("errors: %d of %d cases pass%s" % (len(names) - len(failed), len(names),
          "" if IS_311 else " (python3 is not 3.11: stored expectations used)"))
    if failed:
        print("errors: failing: " + " ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
