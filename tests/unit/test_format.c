/* test_format.c — format() / f-string specs and hex/oct/bin (core/format.c).
 * Every expectation was produced by python3 (3.11): format(value, spec),
 * the error type and message, and hex()/oct()/bin(). */
#include <math.h>
#include "support.h"
#include "err.h"
#include "float.h"
#include "format.h"
#include "int.h"
#include "str.h"

static void expect_str(MpObject *r, const char *want, int i)
{
    if (!r)
        fail_msg("case %d: error %s, expected '%s'", i, err_message(), want);
    char buf[512];
    str_to_cbuf(r, buf, sizeof buf);
    if (strcmp(buf, want) != 0)
        fail_msg("case %d: '%s', expected '%s'", i, buf, want);
    mp_decref(r);
}

static void test_format_values(void **state)
{
    struct { MpObject *v; const char *spec, *want; } cases[] = {
        { float_from_double(1.5), "", "1.5" },
        { float_from_double(1e+16), "", "1e+16" },
        { float_from_double(3.0), "g", "3" },
        { float_from_double(0.1), ".3", "0.1" },
        { float_from_double(12345.678), ",.2f", "12,345.68" },
        { int_from_i64(-5LL), "08", "-0000005" },
        { str_from_cstr("ab"), "^6", "  ab  " },
        { int_from_i64(255LL), "#x", "0xff" },
        { int_from_i64(255LL), "#X", "0XFF" },
        { int_from_i64(10LL), "#o", "0o12" },
        { int_from_i64(-10LL), "#b", "-0b1010" },
        { int_from_i64(1234LL), "010,", "00,001,234" },
        { int_from_i64(1234567LL), "_", "1_234_567" },
        { int_from_i64(11259375LL), "_x", "ab_cdef" },
        { int_from_i64(-12LL), "=+8", "-     12" },
        { int_from_i64(12LL), " ", " 12" },
        { int_from_i64(-12LL), "^9", "   -12   " },
        { int_from_i64(65LL), "c", "A" },
        { int_from_i64(65LL), ">3c", "  A" },
        { bool_from(1), "", "True" },
        { bool_from(1), "d", "1" },
        { bool_from(1), ">5", "    1" },
        { int_from_i64(5LL), "e", "5.000000e+00" },
        { int_from_i64(1LL), "%", "100.000000%" },
        { float_from_double(0.5), ".1%", "50.0%" },
        { float_from_double(123.0), ".3", "1.23e+02" },
        { float_from_double(123.0), ".3g", "123" },
        { float_from_double(1e-05), "", "1e-05" },
        { float_from_double(123456789.0), "g", "1.23457e+08" },
        { float_from_double(INFINITY), "010", "0000000inf" },
        { float_from_double(-INFINITY), "F", "-INF" },
        { float_from_double(NAN), "+", "+nan" },
        { float_from_double(1e+16), "#", "1.e+16" },
        { float_from_double(-0.0), "z.2f", "0.00" },
        { float_from_double(1.0), "#.0e", "1.e+00" },
        { float_from_double(1234.5), "015,.1f", "0,000,001,234.5" },
        { float_from_double(12345.6789), "_.3f", "12_345.679" },
        { str_from_cstr("abc"), ".2", "ab" },
        { str_from_cstr("abc"), "x<7.1", "axxxxxx" },
        { str_from_cstr("ab"), "*^7", "**ab***" },
        { int_from_i64(5LL), "0<5", "50000" },
        { str_from_cstr("a"), "05", "a0000" },
        { float_from_double(2.5), ".0f", "2" },
        { float_from_double(1e+300), ".3e", "1.000e+300" },
        { int_from_i64(-1234567LL), "+,", "-1,234,567" },
        { int_from_i64(0LL), "#x", "0x0" },
        { float_from_double(3.14159), "10.3f", "     3.142" },
        { float_from_double(3.14159), "<10.2e", "3.14e+00  " },
    };
    for (int i = 0; i < (int)(sizeof cases / sizeof cases[0]); i++) {
        expect_str(format_object_cstr(cases[i].v, cases[i].spec), cases[i].want, i);
        mp_decref(cases[i].v);
    }
}

static void test_format_errors(void **state)
{
    struct { MpObject *v; const char *spec; MpType *type; const char *msg; } cases[] = {
        { float_from_double(1.5), "d", &MpExc_ValueError, "Unknown format code 'd' for object of type 'float'" },
        { int_from_i64(5LL), ".2", &MpExc_ValueError, "Precision not allowed in integer format specifier" },
        { int_from_i64(5LL), "s", &MpExc_ValueError, "Unknown format code 's' for object of type 'int'" },
        { str_from_cstr("a"), "d", &MpExc_ValueError, "Unknown format code 'd' for object of type 'str'" },
        { str_from_cstr("a"), "+", &MpExc_ValueError, "Sign not allowed in string format specifier" },
        { str_from_cstr("a"), " ", &MpExc_ValueError, "Space not allowed in string format specifier" },
        { str_from_cstr("a"), "#", &MpExc_ValueError, "Alternate form (#) not allowed in string format specifier" },
        { str_from_cstr("a"), "=", &MpExc_ValueError, "'=' alignment not allowed in string format specifier" },
        { int_from_i64(5LL), "z", &MpExc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier" },
        { int_from_i64(5LL), "+c", &MpExc_ValueError, "Sign not allowed with integer format specifier 'c'" },
        { int_from_i64(-1LL), "c", &MpExc_OverflowError, "%c arg not in range(0x110000)" },
        { int_from_i64(5LL), ",c", &MpExc_ValueError, "Cannot specify ',' with 'c'." },
        { int_from_i64(5LL), ",_", &MpExc_ValueError, "Cannot specify both ',' and '_'." },
        { int_from_i64(5LL), ".", &MpExc_ValueError, "Format specifier missing precision" },
        { int_from_i64(5LL), "xx", &MpExc_ValueError, "Invalid format specifier 'xx' for object of type 'int'" },
        { int_from_i64(5LL), "99999999999999999999", &MpExc_ValueError, "Too many decimal digits in format string" },
        { int_from_i64(5LL), "\x01", &MpExc_ValueError, "Unknown format code '\\x1' for object of type 'int'" },
        { mp_newref(MP_NONE), ">3", &MpExc_TypeError, "unsupported format string passed to NoneType.__format__" },
        { float_from_double(1.5), "xx", &MpExc_ValueError, "Invalid format specifier 'xx' for object of type 'float'" },
    };
    for (int i = 0; i < (int)(sizeof cases / sizeof cases[0]); i++) {
        MpObject *r = format_object_cstr(cases[i].v, cases[i].spec);
        if (r)
            fail_msg("case %d: no error", i);
        if (err_occurred() != cases[i].type || strcmp(err_message(), cases[i].msg) != 0)
            fail_msg("case %d: %s: %s, expected %s", i, err_occurred()->name, err_message(),
                     cases[i].msg);
        err_clear();
        mp_decref(cases[i].v);
    }
}

static void test_int_base(void **state)
{
    struct { int64_t v; int base; const char *want; } cases[] = {
        { 0LL, 16, "0x0" },
        { 0LL, 8, "0o0" },
        { 0LL, 2, "0b0" },
        { 31LL, 16, "0x1f" },
        { 31LL, 8, "0o37" },
        { 31LL, 2, "0b11111" },
        { -31LL, 16, "-0x1f" },
        { -31LL, 8, "-0o37" },
        { -31LL, 2, "-0b11111" },
        { 255LL, 16, "0xff" },
        { 255LL, 8, "0o377" },
        { 255LL, 2, "0b11111111" },
        { 8LL, 16, "0x8" },
        { 8LL, 8, "0o10" },
        { 8LL, 2, "0b1000" },
        { -5LL, 16, "-0x5" },
        { -5LL, 8, "-0o5" },
        { -5LL, 2, "-0b101" },
        { 9223372036854775807LL, 16, "0x7fffffffffffffff" },
        { 9223372036854775807LL, 8, "0o777777777777777777777" },
        { 9223372036854775807LL, 2, "0b111111111111111111111111111111111111111111111111111111111111111" },
    };
    for (int i = 0; i < (int)(sizeof cases / sizeof cases[0]); i++)
        expect_str(format_int_base(cases[i].v, cases[i].base), cases[i].want, i);
}

/* the empty spec returns the str itself */
static void test_empty_spec_identity(void **state)
{
    MpObject *s = str_from_cstr("abc");
    MpObject *r = format_object_cstr(s, "");
    assert_ptr_equal(r, s);
    mp_decref(r);
    r = format_object_cstr(s, "<2");
    assert_ptr_equal(r, s);
    mp_decref(r);
    mp_decref(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        MP_TEST(test_format_values),
        MP_TEST(test_format_errors),
        MP_TEST(test_int_base),
        MP_TEST(test_empty_spec_identity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
