"""Times a benchmark snippet in CPython as `memplay bench` times it in
memplay: from compiling the source to the end of shutdown (the module's
names released, then a collection), interpreter start-up excluded.  The
snippet's output goes to stdout; {"file": FILE, "seconds": S} to stderr.
With --warmup FILE2, FILE2 runs first, untimed, its output discarded, as
`memplay bench --warmup` does."""
import contextlib
import gc
import io
import json
import sys
import time


def run(path):
    """Compiles and runs the file at path as a fresh __main__, then releases
    its names and collects; returns the seconds that took."""
    with open(path, encoding='utf-8') as f:
        src = f.read()
    names = {'__name__': '__main__', '__builtins__': __builtins__}
    t0 = time.perf_counter()
    exec(compile(src, path, 'exec'), names)
    names.clear()
    gc.collect()
    return time.perf_counter() - t0


def main(args):
    if len(args) == 3 and args[1] == '--warmup':
        with contextlib.redirect_stdout(io.StringIO()):
            run(args[2])
    elif len(args) != 1:
        sys.exit('usage: cpython_time.py FILE [--warmup FILE2]')
    seconds = run(args[0])
    sys.stdout.flush()
    print(json.dumps({'file': args[0], 'seconds': round(seconds, 6)}), file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1:])
