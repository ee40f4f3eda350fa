/* cli.c — the `memplay` command-line tool (native build of the core).
 *
 *   memplay sizes     pymalloc's size classes: request range, block size,
 *                     blocks per 16 KiB pool
 *   memplay check     start a runtime, run the heap checker, stop it
 *   memplay ast F     the syntax tree of a Python file, as ast.dump prints it
 *   memplay symtable F  the scopes and names of a Python file, as CPython's
 *                     symtable holds them
 *   memplay tokens F  the tokens of a Python file (- for standard input), one
 *                     JSON object a line, as Python's tokenize reports them
 *   memplay layout [--json]
 *                     build a few objects and print where everything lives:
 *                     simulated addresses, blocks, pools, arenas, heap
 *                     chunks — identical on every build and every run;
 *                     --json prints the snapshot (core/snapshot.schema.json)
 *
 * `run`, `trace`, `steps` and `bench` run snippets (see usage()); `bench`
 * is `run` with the wall time of run_snippet (parse, compile, execute, shut
 * down; no observer installed) printed to stderr as one JSON line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ast.h"
#include "class.h"
#include "parser.h"
#include "lexer.h"
#include "dict.h"
#include "gc.h"
#include "heap.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "pymalloc.h"
#include "region.h"
#include "snapshot.h"
#include "symtable.h"
#include "weakref.h"
#include "runtime.h"
#include "check.h"
#include "str.h"
#include "tuple.h"
#include "run.h"
#include "steps.h"
#include "engine.h"
#include "err.h"
#include "runtime.h"

static int usage(FILE *out)
{
    fputs("usage: memplay run FILE [--check-heap] [settings] | bench FILE [--warmup FILE2] [settings] | sizes | check | layout | tokens FILE | ast FILE | symtable FILE | --help | --version\n"
          "  run     run a Python snippet as python3 would (- reads standard input);\n"
          "          --check-heap runs the heap checker before every new line;\n"
          "          settings: --heap-limit N[K|M|G] --step-cap N --gc-threshold A[,B[,C]]\n"
          "          --no-gc --no-pymalloc\n"
          "  bench   FILE [--warmup FILE2] [settings]: run as `run` does (the snippet's output on\n"
          "          stdout), then print {\"file\": FILE, \"seconds\": wall time of the run} on stderr;\n"
          "          --warmup first runs FILE2 untimed in the same process, its output discarded\n"
          "  steps   run FILE counting steps: prints the number of steps, then of line steps\n"
          "          (--snapshot-every-step: take a snapshot at each step; --pause-every N:\n"
          "          pause and continue the run as the page's engine does; both are tests);\n"
          "          --find-line-after N / --find-line-before N [--lines L1,L2...]: prints the\n"
          "          first line step after step N (the last before N) on one of the lines, or none\n"
          "  trace   FILE [--step N] [--events]: the JSON snapshot at step N (default: the last),\n"
          "          with the step's narration, the output so far and the run's timeline\n"
          "  sizes   pymalloc size classes: request bytes, block size, blocks per pool\n"
          "  check   start the runtime, run the heap checker, report\n"
          "  layout  build a few objects and print where everything lives (--json: the snapshot)\n"
          "  tokens  print the tokens of a Python file (- reads standard input)\n"
          "  ast     print the syntax tree of a Python file, as Python's ast.dump does\n"
          "  symtable  print the scopes and the role of every name, as CPython's symtable has them\n", out);
    return out == stderr ? 2 : 0;
}

static int cmd_sizes(void)
{
    printf("class  request bytes  block  blocks/pool\n");
    for (int c = 0; c < 32; c++)
        printf("%5d  %5zu..%-6zu  %5zu  %11u\n", c, pm_block_size(c) - 15,
               pm_block_size(c), pm_block_size(c), pm_blocks_per_pool(c));
    return 0;
}

static int cmd_check(void)
{
    MpSettings s = runtime_default_settings();
    if (runtime_init(&s) != 0) {
        fprintf(stderr, "memplay: could not start the runtime\n");
        return 1;
    }
    const char *problem = check_heap();
    runtime_fini();
    if (problem) {
        fprintf(stderr, "heap check failed: %s\n", problem);
        return 1;
    }
    printf("heap check: ok\n");
    return 0;
}

static void print_object(const char *what, MpObject *o)
{
    char block[32] = "static";
    if (region_kind_of(o) != MP_REGION_STATIC)
        snprintf(block, sizeof block, "block %4zu", mem_usable(object_block(o)));
    printf("%-26s %-10s at 0x%08llx  getsizeof %4zu  %-10s  refcount %d  gen %d\n",
           what, o->type->name, (unsigned long long)region_sim(o), object_getsizeof(o),
           block, (int)o->refcnt, gc_generation_of(o));
}

static void print_pool(const PmPoolInfo *p, void *ctx)
{
    static const char *const states[] = { "used", "full", "empty" };
    if (p->size_class < 0)
        return;
    printf("  pool %2d of arena %d at 0x%08llx  class %2d (%3zu B)  %-5s  used %u  free %u  untouched %u\n",
           p->index, p->arena, (unsigned long long)p->sim, p->size_class,
           pm_block_size(p->size_class), states[p->state], p->used, p->free_listed, p->untouched);
}

static void print_chunk(const HeapChunk *c, void *ctx)
{
    printf("  chunk at 0x%08llx  %8llu B  %s\n", (unsigned long long)c->sim,
           (unsigned long long)c->size, c->used ? "used" : "free");
}

static int cmd_layout(int json)
{
    MpSettings s = runtime_default_settings();
    if (runtime_init(&s) != 0)
        return 1;
    MpObject *l = list_new(0), *d = dict_new(), *k = str_from_cstr("answer");
    MpObject *n = int_from_i64(1000000), *t = tuple_pack(2, l, d);
    MpObject *name = str_from_cstr("Node"), *bases = tuple_new(0), *ns = dict_new();
    MpObject *cls = class_new(name, bases, ns), *big = list_new(100);
    MpObject *node = class_call((MpType *)cls, 0, NULL);
    list_append(l, n);
    dict_setitem(d, k, n);
    instance_setattr(node, k, l);
    for (int i = 0; i < 100; i++)
        list_setitem(big, i, MP_NONE);
    MpObject *garbage = list_new(0);           /* a cycle nobody can reach */
    list_append(garbage, garbage);
    mp_decref(garbage);
    MpObject *wr = weakref_new(node, NULL);
    MpObject *held[] = { node, big, cls, ns, bases, name, t, n, k, d, l, wr };
    for (size_t i = 0; i < sizeof held / sizeof held[0]; i++)
        check_hold(held[i]);               /* what this C code holds are roots */
    if (json) {
        char *text = snapshot_json();
        if (text)
            puts(text);
        free(text);
    }
    for (size_t i = 0; i < sizeof held / sizeof held[0]; i++)
        check_unhold(held[i]);
    mp_decref(wr);
    gc_collect(2);
    if (json) {
        MpObject *all[] = { node, big, cls, ns, bases, name, t, n, k, d, l };
        for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
            mp_decref(all[i]);
        const char *problem = check_heap();
        runtime_fini();
        return problem ? 1 : 0;
    }
    printf("static region\n");
    print_object("None", MP_NONE);
    MpObject *seven = int_from_i64(7);
    print_object("the int 7 (small int)", seven);
    mp_decref(seven);
    printf("objects\n");
    print_object("l = [1000000]", l);
    print_object("d = {'answer': 1000000}", d);
    print_object("1000000", n);
    print_object("(l, d)", t);
    print_object("class Node", cls);
    print_object("Node()", node);
    print_object("[None] * 100", big);
    printf("pools\n");
    pm_walk_pools(print_pool, NULL);
    printf("heap\n");
    heap_walk(print_chunk, NULL);
    HeapStats hs = heap_stats();
    printf("  break 0x%08llx, %llu B used in %llu chunks, %llu B free\n",
           (unsigned long long)(MP_HEAP_BASE + hs.brk), (unsigned long long)hs.used_bytes,
           (unsigned long long)hs.used_chunks, (unsigned long long)hs.free_bytes);
    MpObject *all[] = { node, big, cls, ns, bases, name, t, n, k, d, l };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        mp_decref(all[i]);
    const char *problem = check_heap();
    printf("heap check: %s\n", problem ? problem : "ok");
    runtime_fini();
    return problem ? 1 : 0;
}

/* Reads a whole file ("-": standard input) into a malloc'd buffer. */
static char *read_source(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    if (f != stdin)
        fclose(f);
    *len = n;
    return buf;
}

static void print_json_text(FILE *out, const char *s, size_t n)
{
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

static int cmd_tokens(const char *path)
{
    size_t len;
    char *src = read_source(path, &len);
    if (!src) {
        fprintf(stderr, "memplay: cannot read %s\n", path);
        return 2;
    }
    Lexer lx;
    Token t;
    lexer_init(&lx, src, len);
    int status = 0;
    for (;;) {
        TokKind k = lexer_next(&lx, &t);
        if (k == TK_ERROR) {
            fprintf(stderr, "  File \"%s\", line %d\n%s: %s\n", path, lx.error_line,
                    lx.error_type, lx.error);
            status = 1;
            break;
        }
        printf("{\"type\":\"%s\",\"string\":", k == TK_OP ? lexer_op_name(t.op) : lexer_kind_name(k));
        print_json_text(stdout, t.text, t.len);
        printf(",\"start\":[%d,%d],\"end\":[%d,%d]}\n", t.line, t.col, t.end_line, t.end_col);
        if (k == TK_ENDMARKER)
            break;
    }
    free(src);
    return status;
}

static void print_symtable(const SymTable *t, int depth)
{
    static const char *const types[] = { "function", "class", "module" };
    printf("%*s%s %s line %d\n", depth * 2, "", types[t->type], t->name, t->line);
    for (int i = 0; i < t->nsyms; i++)
        printf("%*s%s flags=%d scope=%d\n", depth * 2 + 2, "", t->syms[i].name, t->syms[i].flags,
               (int)t->syms[i].scope);
    for (int i = 0; i < t->nchildren; i++)
        print_symtable(t->children[i], depth + 1);
}

/* Parses FILE; for `ast` prints the tree, for `symtable` the scopes. */
static int cmd_ast(const char *path, int symtable)
{
    size_t len;
    char *src = read_source(path, &len);
    if (!src) {
        fprintf(stderr, "memplay: cannot read %s\n", path);
        return 2;
    }
    AstArena *ar = ast_arena_new();
    ParseError err;
    AstNode *tree = ar ? parse_module(ar, src, len, &err) : NULL;
    int status = 0;
    if (!tree) {
        fprintf(stderr, "  File \"%s\", line %d\n%s: %s\n", path, err.line,
                err.type ? err.type : "MemoryError", err.msg);
        status = 1;
    } else if (symtable) {
        SymTable *top = symtable_build(ar, tree, &err);
        if (top)
            print_symtable(top, 0);
        else {
            fprintf(stderr, "  File \"%s\", line %d\n%s: %s\n", path, err.line, err.type, err.msg);
            status = 1;
        }
    } else {
        char *text = ast_dump(tree);
        if (text)
            puts(text);
        status = text ? 0 : 1;
        free(text);
    }
    ast_arena_free(ar);
    free(src);
    return status;
}

/* Runs a snippet; stdout is flushed before anything goes to stderr so
 * that interleaved output keeps its order. */
static void run_writer(int stream, const char *text, size_t len)
{
    if (stream == 2) {
        fflush(stdout);
        fwrite(text, 1, len, stderr);
        fflush(stderr);
    } else {
        fwrite(text, 1, len, stdout);
    }
}

static int parse_size(const char *s, uint64_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s)
        return -1;
    if (*end == 'K' || *end == 'k') { v <<= 10; end++; }
    else if (*end == 'M' || *end == 'm') { v <<= 20; end++; }
    else if (*end == 'G' || *end == 'g') { v <<= 30; end++; }
    if (*end)
        return -1;
    *out = v;
    return 0;
}

/* The run settings as flags: --heap-limit N[K|M|G], --step-cap N,
 * --gc-threshold A[,B[,C]], --no-gc, --no-pymalloc.  Returns 0 (flag
 * consumed or not a setting) or -1 with a message. */
static int parse_setting(MpSettings *s, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    int takes = !strcmp(a, "--heap-limit") || !strcmp(a, "--step-cap") || !strcmp(a, "--gc-threshold");
    if (takes && *i + 1 >= argc) {
        fprintf(stderr, "memplay: %s needs a value\n", a);
        return -1;
    }
    const char *v = takes ? argv[*i + 1] : NULL;
    if (!strcmp(a, "--heap-limit")) {
        if (parse_size(v, &s->heap_limit) < 0 || s->heap_limit < (2u << 20)) {
            fprintf(stderr, "memplay: --heap-limit wants a size of at least 2M, like 8M\n");
            return -1;
        }
    } else if (!strcmp(a, "--step-cap")) {
        if (parse_size(v, &s->step_cap) < 0) {
            fprintf(stderr, "memplay: --step-cap wants a number\n");
            return -1;
        }
    } else if (!strcmp(a, "--gc-threshold")) {
        int t[3] = { s->gc_thresholds[0], s->gc_thresholds[1], s->gc_thresholds[2] };
        int n = sscanf(v, "%d,%d,%d", &t[0], &t[1], &t[2]);
        if (n < 1 || t[0] < 0 || t[1] < 0 || t[2] < 0) {
            fprintf(stderr, "memplay: --gc-threshold wants A[,B[,C]]\n");
            return -1;
        }
        memcpy(s->gc_thresholds, t, sizeof t);
    } else if (!strcmp(a, "--no-gc")) {
        s->gc_enabled = 0;
    } else if (!strcmp(a, "--no-pymalloc")) {
        s->pymalloc = 0;
    } else if (a[0] == '-' && a[1] == '-') {
        fprintf(stderr, "memplay: unknown option %s\n", a);
        return -1;
    }
    if (takes)
        (*i)++;
    return 0;
}

/* ---- steps and trace ------------------------------------------------------- */

/* "3,5,12" -> a malloc'd array of line numbers. */
static int *parse_lines(const char *text, int *n)
{
    *n = 0;
    int *v = malloc((strlen(text) / 2 + 1) * sizeof *v);
    for (const char *p = text; v && *p;) {
        char *end;
        long line = strtol(p, &end, 10);
        if (end == p)
            break;
        v[(*n)++] = (int)line;
        p = *end == ',' ? end + 1 : end;
    }
    return v;
}

static int cmd_steps_or_trace(int argc, char **argv, int trace)
{
    const char *path = NULL;
    MpSettings settings = runtime_default_settings();
    uint64_t step = 0;
    int events = 0, every = 0;
    uint64_t pause_every = 0, pauses = 0, find_from = 0;
    int find_dir = 0, nlines = 0;
    int *lines = NULL;
    for (int i = 2; i < argc; i++) {
        if (trace && !strcmp(argv[i], "--step") && i + 1 < argc) {
            char *end;
            step = strtoull(argv[++i], &end, 10);
            if (*end || step == 0) {
                fprintf(stderr, "memplay: --step wants a step number from 1\n");
                return 2;
            }
        } else if (trace && !strcmp(argv[i], "--events")) {
            events = 1;
        } else if (!trace && !strcmp(argv[i], "--snapshot-every-step")) {
            every = 1;
        } else if (!trace && !strcmp(argv[i], "--pause-every") && i + 1 < argc) {
            pause_every = strtoull(argv[++i], NULL, 10);
        } else if (!trace && (!strcmp(argv[i], "--find-line-after") || !strcmp(argv[i], "--find-line-before"))
                   && i + 1 < argc) {
            find_dir = argv[i][12] == 'a' ? 1 : -1;
            find_from = strtoull(argv[++i], NULL, 10);
        } else if (!trace && !strcmp(argv[i], "--lines") && i + 1 < argc) {
            free(lines);
            lines = parse_lines(argv[++i], &nlines);
        } else if (argv[i][0] == '-' && argv[i][1] == '-') {
            if (parse_setting(&settings, argc, argv, &i) != 0)
                return 2;
        } else if (!path) {
            path = argv[i];
        } else {
            return usage(stderr);
        }
    }
    if (!path)
        return usage(stderr);
    size_t len;
    char *src = read_source(path, &len);
    if (!src) {
        fprintf(stderr, "memplay: cannot read %s\n", path);
        return 2;
    }
    if (engine_begin(src, len, &settings) != 0) {
        fprintf(stderr, "memplay: cannot start the runtime\n");
        free(src);
        return 2;
    }
    if (find_dir) {
        uint64_t at = engine_find_line(find_dir, find_from, lines, nlines);
        if (at)
            printf("%llu\n", (unsigned long long)at);
        else
            puts("none");
        engine_end();
        free(lines);
        free(src);
        return 0;
    }
    free(lines);
    engine_snapshot_every_step(every);
    /* --pause-every N pauses the run as the page's engine does (a test) */
    while (engine_continue(pause_every ? engine_steps() + pause_every : 0))
        pauses++;
    uint64_t total = engine_steps(), nline_steps = engine_line_steps();
    char *summary = trace ? engine_summary_json() : NULL;   /* the whole run's */
    engine_end();
    if (!trace) {
        printf("%llu\n%llu\n", (unsigned long long)total, (unsigned long long)nline_steps);
        if (pause_every)
            printf("paused %llu times\n", (unsigned long long)pauses);
        free(src);
        return 0;
    }
    if (!step || step > total)
        step = total;
    int status = 0;
    if (engine_begin(src, len, &settings) != 0 || engine_seek(step, events) != 0) {
        fprintf(stderr, "memplay: step %llu was not reached on replay\n", (unsigned long long)step);
        status = 1;
    } else {
        char *json = engine_result_json(total, nline_steps, summary);
        if (json)
            puts(json);
        free(json);
    }
    engine_end();
    free(summary);
    free(src);
    return status;
}

static double wall_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void discard_writer(int stream, const char *text, size_t len) { }

/* bench --warmup: runs the file at path on a runtime of its own, untimed,
 * its output discarded; 0, or 2 with a message (unreadable, or the
 * snippet failed).  Under node the engine's WASM functions run in V8's
 * baseline code until its optimizing compiler has compiled them (in the
 * background, once they have run a while); a warm-up lets the timed run
 * measure the steady state, as benchmarks of JIT-compiled code do. */
static int warm_up(const char *path, const MpSettings *settings)
{
    size_t len;
    char *src = read_source(path, &len);
    if (!src) {
        fprintf(stderr, "memplay: cannot read %s\n", path);
        return 2;
    }
    RunOptions opts = { 0 };
    int status = 2;
    if (runtime_init(settings) == 0) {
        err_set_writer(discard_writer);
        status = run_snippet(src, len, &opts);
        runtime_fini();
    }
    free(src);
    if (status != 0)
        fprintf(stderr, "memplay: the warm-up %s did not run to the end (status %d)\n", path, status);
    return status ? 2 : 0;
}

/* run, or bench: the same run with its wall time (from parsing to the end
 * of shutdown, runtime start-up excluded) on stderr as JSON. */
static int cmd_run(int argc, char **argv, int bench)
{
    const char *path = NULL, *warmup = NULL;
    RunOptions opts = { 0 };
    MpSettings settings = runtime_default_settings();
    for (int i = 2; i < argc; i++) {
        if (bench && !strcmp(argv[i], "--warmup") && i + 1 < argc)
            warmup = argv[++i];
        else if (!bench && !strcmp(argv[i], "--check-heap"))
            opts.check_heap = 1;
        else if (argv[i][0] == '-' && argv[i][1] == '-') {
            if (parse_setting(&settings, argc, argv, &i) != 0)
                return 2;
        } else if (!path)
            path = argv[i];
        else
            return usage(stderr);
    }
    if (!path)
        return usage(stderr);
    size_t len;
    char *src = read_source(path, &len);
    if (!src) {
        fprintf(stderr, "memplay: cannot read %s\n", path);
        return 2;
    }
    if (warmup && warm_up(warmup, &settings) != 0) {
        free(src);
        return 2;
    }
    if (runtime_init(&settings) != 0) {
        fprintf(stderr, "memplay: cannot start the runtime (heap limit below 2M?)\n");
        free(src);
        return 2;
    }
    err_set_writer(run_writer);
    double t0 = wall_seconds();
    int status = run_snippet(src, len, &opts);
    double seconds = wall_seconds() - t0;
    fflush(stdout);
    if (bench) {
        fputs("{\"file\": ", stderr);
        print_json_text(stderr, path, strlen(path));
        fprintf(stderr, ", \"seconds\": %.6f}\n", seconds);
    }
    runtime_fini();
    free(src);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage(stderr);
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
        return usage(stdout);
    if (!strcmp(argv[1], "--version")) {
        puts("memplay 0.1 (runtime core; models CPython 3.11)");
        return 0;
    }
    if (!strcmp(argv[1], "run"))
        return cmd_run(argc, argv, 0);
    if (!strcmp(argv[1], "bench"))
        return cmd_run(argc, argv, 1);
    if (!strcmp(argv[1], "steps"))
        return cmd_steps_or_trace(argc, argv, 0);
    if (!strcmp(argv[1], "trace"))
        return cmd_steps_or_trace(argc, argv, 1);
    if (!strcmp(argv[1], "sizes"))
        return cmd_sizes();
    if (!strcmp(argv[1], "check"))
        return cmd_check();
    if (!strcmp(argv[1], "layout") && (argc == 2 || (argc == 3 && !strcmp(argv[2], "--json"))))
        return cmd_layout(argc == 3);
    if (!strcmp(argv[1], "tokens") && argc == 3)
        return cmd_tokens(argv[2]);
    if (!strcmp(argv[1], "ast") && argc == 3)
        return cmd_ast(argv[2], 0);
    if (!strcmp(argv[1], "symtable") && argc == 3)
        return cmd_ast(argv[2], 1);
    fprintf(stderr, "memplay: unknown command '%s'\n", argv[1]);
    return usage(stderr);
}
