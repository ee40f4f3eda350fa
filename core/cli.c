/* cli.c — the `memplay` command-line tool (native build of the core).
 *
 *   memplay sizes     pymalloc's size classes: request range, block size,
 *                     blocks per 16 KiB pool
 *   memplay check     start a runtime, run the heap checker, stop it
 *
 * `run`, `trace`, `steps` and `bench` arrive with the interpreter and the
 * step machinery.
 */
#include <stdio.h>
#include <string.h>
#include "pymalloc.h"
#include "runtime.h"
#include "check.h"

static int usage(FILE *out)
{
    fputs("usage: memplay sizes | check | --help | --version\n"
          "  sizes   pymalloc size classes: request bytes, block size, blocks per pool\n"
          "  check   start the runtime, run the heap checker, report\n", out);
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
    if (!strcmp(argv[1], "sizes"))
        return cmd_sizes();
    if (!strcmp(argv[1], "check"))
        return cmd_check();
    fprintf(stderr, "memplay: unknown command '%s'\n", argv[1]);
    return usage(stderr);
}
