"""Times a benchmark snippet in CPython as `memplay bench` times it in
memplay: from compiling the source to the end of shutdown (the module's
names released, then a collection), interpreter start-up excluded.  The
snippet's output goes to stdout; {"file": FILE, "seconds": S} to stderr."""
import gc
import json
import sys
import time


def main(path):
    with open(path, encoding='utf-8') as f:
        src = f.read()
    names = {'__name__': '__main__', '__builtins__': __builtins__}
    t0 = time.perf_counter()
    exec(compile(src, path, 'exec'), names)
    names.clear()
    gc.collect()
    seconds = time.perf_counter() - t0
    sys.stdout.flush()
    print(json.dumps({'file': path, 'seconds': round(seconds, 6)}), file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1])
