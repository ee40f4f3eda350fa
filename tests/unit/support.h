/* support.h — shared set-up for the cmocka unit tests.
 *
 * Every test runs on a fresh runtime (default settings unless the test
 * file defines its own setup) and its teardown runs the heap checker: a
 * test passes only if check_heap() finds nothing afterwards.
 */
#ifndef MP_TEST_SUPPORT_H
#define MP_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "runtime.h"
#include "check.h"

static inline int support_setup_with(const MpSettings *s)
{
    return runtime_init(s) == 0 ? 0 : -1;
}

static int support_setup(void **state)
{
    (void)state;
    MpSettings s = runtime_default_settings();
    return support_setup_with(&s);
}

static int support_teardown(void **state)
{
    (void)state;
    const char *problem = check_heap();
    if (problem)
        print_error("heap checker: %s\n", problem);
    runtime_fini();
    return problem ? -1 : 0;
}

#define MP_TEST(fn) cmocka_unit_test_setup_teardown(fn, support_setup, support_teardown)

#endif
