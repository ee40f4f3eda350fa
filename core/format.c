/* format.c — the format spec mini-language (see format.h).
 *
 * Follows CPython 3.11's formatter_unicode.c step by step: parse the spec
 * (parse_spec), turn the number into ASCII digits (int_digits, float_text),
 * then lay it out as
 *
 *   <lpadding><sign><prefix><spadding><grouped digits><.><remainder><rpadding>
 *
 * (layout_number, calc_number_widths + fill_number in CPython).  Zero
 * padding ('0' fill with '=' alignment) happens inside the grouping, so
 * separators appear among the padding zeros as in CPython.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "format.h"
#include "runtime.h"
#include "abstract.h"
#include "err.h"
#include "float.h"
#include "int.h"
#include "str.h"

typedef struct Spec {
    uint32_t fill, align, sign, type;
    int fill_specified, align_specified, alternate, no_neg_0;
    int64_t width, precision;   /* -1: not given */
    uint32_t sep;               /* 0, ',' or '_' */
    int group;                  /* digits per group: 3, or 4 for '_' in b/o/x/X */
} Spec;

/* ---- output buffer of code points -------------------------------------- */

typedef struct Out {
    uint32_t *cps;
    int64_t n, cap;
} Out;

static int out_reserve(Out *o, int64_t extra)
{
    if (o->n + extra <= o->cap)
        return 0;
    int64_t cap = o->cap ? o->cap : 32;
    while (cap < o->n + extra)
        cap *= 2;
    if (cap > ((int64_t)1 << 28) || (uint64_t)cap > runtime_settings()->heap_limit) {
        err_no_memory();
        return -1;
    }
    uint32_t *p = realloc(o->cps, (size_t)cap * sizeof *p);
    if (!p) {
        err_no_memory();
        return -1;
    }
    o->cps = p;
    o->cap = cap;
    return 0;
}

static int out_repeat(Out *o, uint32_t c, int64_t n)
{
    if (n <= 0)
        return 0;
    if (out_reserve(o, n) < 0)
        return -1;
    for (int64_t i = 0; i < n; i++)
        o->cps[o->n++] = c;
    return 0;
}

static int out_ascii(Out *o, const char *s, int64_t n)
{
    if (out_reserve(o, n) < 0)
        return -1;
    for (int64_t i = 0; i < n; i++)
        o->cps[o->n++] = (unsigned char)s[i];
    return 0;
}

static MpObject *out_finish(Out *o, int failed)
{
    MpObject *r = failed ? NULL : str_from_codepoints(o->cps, o->n);
    free(o->cps);
    return r;
}

/* ---- parsing ------------------------------------------------------------- */

static int is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Reads decimal digits at *pos; returns how many, -1 on overflow. */
static int get_integer(MpObject *spec, int64_t *pos, int64_t end, int64_t *out)
{
    int64_t acc = 0, n = 0;
    for (; *pos < end; (*pos)++, n++) {
        uint32_t c = str_char_at(spec, *pos);
        if (c < '0' || c > '9')
            break;
        if (acc > (INT64_MAX - (c - '0')) / 10) {
            err_set(&MpExc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + (c - '0');
    }
    *out = acc;
    return (int)(n > 0);
}

static void unknown_code(uint32_t type, MpObject *value)
{
    if (type > 32 && type < 128)
        err_set(&MpExc_ValueError, "Unknown format code '%c' for object of type '%s'",
                (int)type, value->type->name);
    else
        err_set(&MpExc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                (unsigned)type, value->type->name);
}

static void bad_separator(uint32_t sep, uint32_t type)
{
    if (type > 32 && type < 128)
        err_set(&MpExc_ValueError, "Cannot specify '%c' with '%c'.", (int)sep, (int)type);
    else
        err_set(&MpExc_ValueError, "Cannot specify '%c' with '\\x%x'.", (int)sep, (unsigned)type);
}

static int parse_spec(MpObject *value, MpObject *spec, Spec *f, uint32_t default_type,
                      uint32_t default_align)
{
    int64_t pos = 0, end = str_len(spec);
    *f = (Spec){ .fill = ' ', .align = default_align, .type = default_type,
                 .width = -1, .precision = -1, .group = 3 };
#define AT(i) str_char_at(spec, (i))
    if (end - pos >= 2 && is_align(AT(pos + 1))) {
        f->fill = AT(pos);
        f->align = AT(pos + 1);
        f->fill_specified = f->align_specified = 1;
        pos += 2;
    } else if (end - pos >= 1 && is_align(AT(pos))) {
        f->align = AT(pos);
        f->align_specified = 1;
        pos++;
    }
    if (pos < end && (AT(pos) == ' ' || AT(pos) == '+' || AT(pos) == '-'))
        f->sign = AT(pos++);
    if (pos < end && AT(pos) == 'z') {
        f->no_neg_0 = 1;
        pos++;
    }
    if (pos < end && AT(pos) == '#') {
        f->alternate = 1;
        pos++;
    }
    if (!f->fill_specified && pos < end && AT(pos) == '0') {
        f->fill = '0';
        if (!f->align_specified && default_align == '>')
            f->align = '=';
        pos++;
    }
    int64_t n;
    int got = get_integer(spec, &pos, end, &n);
    if (got < 0)
        return -1;
    f->width = got ? n : -1;
    if (pos < end && AT(pos) == ',') {
        f->sep = ',';
        pos++;
    }
    if (pos < end && AT(pos) == '_') {
        if (f->sep) {
            err_set(&MpExc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->sep = '_';
        pos++;
    }
    if (pos < end && AT(pos) == ',' && f->sep == '_') {
        err_set(&MpExc_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (pos < end && AT(pos) == '.') {
        pos++;
        got = get_integer(spec, &pos, end, &n);
        if (got < 0)
            return -1;
        if (!got) {
            err_set(&MpExc_ValueError, "Format specifier missing precision");
            return -1;
        }
        f->precision = n;
    }
    if (end - pos > 1) {
        char buf[200];
        str_to_cbuf(spec, buf, sizeof buf);
        err_set(&MpExc_ValueError, "Invalid format specifier '%s' for object of type '%s'",
                buf, value->type->name);
        return -1;
    }
    if (end - pos == 1)
        f->type = AT(pos);
#undef AT
    if (f->sep) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->sep == '_') {
                f->group = 4;
                break;
            }
            /* fall through */
        default:
            bad_separator(f->sep, f->type);
            return -1;
        }
    }
    return 0;
}

/* ---- layout ---------------------------------------------------------------- */

/* Writes digits[0..n) grouped from the right, padded with zeros to at least
 * min_width characters (CPython's _PyUnicode_InsertThousandsGrouping). */
static int write_grouped(Out *o, const char *digits, int64_t n, int64_t min_width,
                         uint32_t sep, int group)
{
    /* built right to left into a temporary, then copied reversed */
    int64_t cap = n + (min_width > 0 ? min_width : 0) + n / (group ? group : 1) + 4;
    uint32_t *tmp = malloc((size_t)cap * sizeof *tmp);
    if (!tmp) {
        err_no_memory();
        return -1;
    }
    int64_t len = 0, remaining = n, pos = n, l, zeros, chars;
    int use_sep = 0, broken = 0;
    while (sep && (l = group) > 0) {
        int64_t m = remaining > min_width ? remaining : min_width;
        if (m < 1)
            m = 1;
        if (l > m)
            l = m;
        zeros = l - remaining > 0 ? l - remaining : 0;
        chars = remaining < l ? remaining : l;
        if (chars < 0)
            chars = 0;
        if (use_sep)
            tmp[len++] = sep;
        for (int64_t i = 0; i < chars; i++)
            tmp[len++] = (unsigned char)digits[--pos];
        for (int64_t i = 0; i < zeros; i++)
            tmp[len++] = '0';
        use_sep = 1;
        remaining -= chars;
        min_width -= l;
        if (remaining <= 0 && min_width <= 0) {
            broken = 1;
            break;
        }
        min_width -= 1;
    }
    if (!broken) {
        l = remaining > min_width ? remaining : min_width;
        if (l < 1)
            l = 1;
        zeros = l - remaining > 0 ? l - remaining : 0;
        chars = remaining < l ? remaining : l;
        if (chars < 0)
            chars = 0;
        if (use_sep)
            tmp[len++] = sep;
        for (int64_t i = 0; i < chars; i++)
            tmp[len++] = (unsigned char)digits[--pos];
        for (int64_t i = 0; i < zeros; i++)
            tmp[len++] = '0';
    }
    int r = out_reserve(o, len);
    if (r == 0)
        while (len > 0)
            o->cps[o->n++] = tmp[--len];
    free(tmp);
    return r;
}

static int64_t grouped_width(int64_t n, int64_t min_width, uint32_t sep, int group)
{
    if (n == 0)
        return 0;
    Out scratch = { 0 };
    /* count by writing (the strings are short) */
    char *d = malloc((size_t)n + 1);
    if (!d)
        return -1;
    memset(d, '0', (size_t)n);
    int r = write_grouped(&scratch, d, n, min_width, sep, group);
    free(d);
    int64_t w = scratch.n;
    free(scratch.cps);
    return r < 0 ? -1 : w;
}

/* A number as sign_char ('-' or 0), prefix, digits, optional decimal
 * point and remainder (ASCII, or the code points of rem_cps). */
typedef struct Num {
    char sign_char;
    const char *prefix;
    int64_t n_prefix;
    const char *digits;
    int64_t n_digits;
    int has_decimal;
    const char *rem;
    int64_t n_rem;
    uint32_t rem_cp;      /* 'c' format: a single code point remainder */
} Num;

static MpObject *layout_number(const Spec *f, const Num *num, uint32_t sep, int group)
{
    int64_t n_sign = 0;
    char sign = 0;
    switch (f->sign) {
    case '+': n_sign = 1; sign = num->sign_char == '-' ? '-' : '+'; break;
    case ' ': n_sign = 1; sign = num->sign_char == '-' ? '-' : ' '; break;
    default:
        if (num->sign_char == '-') {
            n_sign = 1;
            sign = '-';
        }
    }
    int64_t n_rem = num->rem_cp ? 1 : num->n_rem;
    int64_t non_digit = n_sign + num->n_prefix + num->has_decimal + n_rem;
    int64_t min_width = (f->fill == '0' && f->align == '=') ? f->width - non_digit : 0;
    int64_t n_grouped = grouped_width(num->n_digits, min_width, sep, group);
    if (n_grouped < 0) {
        err_no_memory();
        return NULL;
    }
    int64_t padding = f->width - (non_digit + n_grouped);
    int64_t lpad = 0, rpad = 0, spad = 0;
    if (padding > 0) {
        switch (f->align) {
        case '<': rpad = padding; break;
        case '^': lpad = padding / 2; rpad = padding - lpad; break;
        case '=': spad = padding; break;
        default: lpad = padding; break;
        }
    }
    Out o = { 0 };
    int bad = out_repeat(&o, f->fill, lpad) < 0;
    if (!bad && n_sign)
        bad = out_ascii(&o, &sign, 1) < 0;
    if (!bad)
        bad = out_ascii(&o, num->prefix, num->n_prefix) < 0;
    if (!bad)
        bad = out_repeat(&o, f->fill, spad) < 0;
    if (!bad && num->n_digits)
        bad = write_grouped(&o, num->digits, num->n_digits, min_width, sep, group) < 0;
    if (!bad && num->has_decimal)
        bad = out_ascii(&o, ".", 1) < 0;
    if (!bad)
        bad = num->rem_cp ? out_repeat(&o, num->rem_cp, 1) < 0
                          : out_ascii(&o, num->rem, num->n_rem) < 0;
    if (!bad)
        bad = out_repeat(&o, f->fill, rpad) < 0;
    return out_finish(&o, bad);
}

/* ---- int ------------------------------------------------------------------- */

/* |v| in base (2, 8, 10, 16) into buf, returns the length. */
static int int_digits(int64_t v, int base, int upper, char *buf)
{
    const char *alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char tmp[72];
    int n = 0;
    do {
        tmp[n++] = alphabet[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u);
    for (int i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return n;
}

static MpObject *format_float_spec(MpObject *value, double v, Spec *f);

static MpObject *format_int_spec(MpObject *value, Spec *f)
{
    int64_t v = int_as_i64(value);
    switch (f->type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return format_float_spec(value, (double)v, f);
    default:
        unknown_code(f->type, value);
        return NULL;
    }
    if (f->precision != -1) {
        err_set(&MpExc_ValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (f->no_neg_0) {
        err_set(&MpExc_ValueError,
                "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    Num num = { 0 };
    num.prefix = num.rem = "";
    char digits[72];
    if (f->type == 'c') {
        if (f->sign) {
            err_set(&MpExc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (f->alternate) {
            err_set(&MpExc_ValueError,
                    "Alternate form (#) not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (v < 0 || v > 0x10ffff) {
            err_set(&MpExc_OverflowError, "%%c arg not in range(0x110000)");
            return NULL;
        }
        if (v == 0) {   /* a NUL code point: rem_cp 0 means "none" */
            num.rem = "\0";
            num.n_rem = 1;
        } else {
            num.rem_cp = (uint32_t)v;
        }
        num.digits = "";
        return layout_number(f, &num, 0, 3);
    }
    int base = 10;
    const char *prefix = "";
    switch (f->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
    }
    if (f->alternate && base != 10) {
        num.prefix = prefix;
        num.n_prefix = 2;
    }
    num.sign_char = v < 0 ? '-' : 0;
    num.n_digits = int_digits(v, base, f->type == 'X', digits);
    num.digits = digits;
    /* 'n' uses the C locale: no grouping */
    return layout_number(f, &num, f->type == 'n' ? 0 : f->sep, f->group);
}

/* ---- float ----------------------------------------------------------------- */

static void upper_ascii(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
}

/* Drops trailing zeros of the fraction (and a bare '.') before any
 * exponent, as 'g' does without '#'. */
static void strip_zeros(char *s)
{
    char *dot = strchr(s, '.');
    if (!dot)
        return;
    char *e = strchr(s, 'e');
    char *end = e ? e : s + strlen(s);
    char *p = end;
    while (p > dot + 1 && p[-1] == '0')
        p--;
    if (p == dot + 1)
        p = dot;
    memmove(p, end, strlen(end) + 1);
}

/* CPython's PyOS_double_to_string for codes 'r', 'e', 'f', 'g' (lowercase;
 * the caller uppercases) into a malloc'd buffer. */
static char *float_text(double v, char type, int precision, int alternate, int add_dot_0)
{
    size_t cap = (size_t)precision + 400;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    if (isnan(v)) {
        snprintf(buf, cap, "nan");
        return buf;
    }
    if (isinf(v)) {
        snprintf(buf, cap, v < 0 ? "-inf" : "inf");
        return buf;
    }
    if (type == 'r') {
        float_format_repr(v, buf, cap);
        if (alternate && !strchr(buf, '.')) {
            char *e = strchr(buf, 'e');
            if (e) {
                memmove(e + 1, e, strlen(e) + 1);
                *e = '.';
            }
        }
        return buf;
    }
    if (type == 'e') {
        snprintf(buf, cap, alternate ? "%#.*e" : "%.*e", precision, v);
        return buf;
    }
    if (type == 'f') {
        snprintf(buf, cap, alternate ? "%#.*f" : "%.*f", precision, v);
        return buf;
    }
    /* 'g': exponent when the rounded exponent X < -4 or X >= limit, where
     * the limit is one less when a ".0" would be added (CPython's rule) */
    int p = precision == 0 ? 1 : precision;
    snprintf(buf, cap, "%.*e", p - 1, v);
    int x = atoi(strchr(buf, 'e') + 1);
    int limit = add_dot_0 ? p - 1 : p;
    if (x < -4 || x >= limit) {
        snprintf(buf, cap, alternate ? "%#.*e" : "%.*e", p - 1, v);
    } else {
        snprintf(buf, cap, alternate ? "%#.*f" : "%.*f", p - 1 - x, v);
    }
    if (!alternate)
        strip_zeros(buf);
    if (add_dot_0 && !strchr(buf, '.') && !strchr(buf, 'e'))
        strcat(buf, ".0");
    return buf;
}

static MpObject *format_float_spec(MpObject *value, double v, Spec *f)
{
    if (f->precision > INT_MAX) {
        err_set(&MpExc_ValueError, "precision too big");
        return NULL;
    }
    char type = (char)f->type;
    int precision = (int)f->precision, add_dot_0 = 0, add_pct = 0, upper = 0;
    if (type == 0) {
        add_dot_0 = 1;
        type = 'r';
        if (precision >= 0)
            type = 'g';
    } else {
        if (precision < 0)
            precision = 6;
        if (type == 'n')
            type = 'g';
        if (type == '%') {
            type = 'f';
            v *= 100;
            add_pct = 1;
        }
        if (type == 'E' || type == 'F' || type == 'G') {
            upper = 1;
            type = (char)(type - 'A' + 'a');
        }
    }
    char *buf = float_text(v, type, precision, f->alternate, add_dot_0);
    if (!buf) {
        err_no_memory();
        return NULL;
    }
    if (upper)
        upper_ascii(buf);
    if (add_pct)
        strcat(buf, "%");
    char *s = buf;
    Num num = { 0 };
    num.prefix = "";
    if (*s == '-') {
        num.sign_char = '-';
        s++;
        if (f->no_neg_0) {   /* 'z': a result that rounded to zero loses its sign */
            int nonzero = 0;
            for (char *p = s; *p && *p != 'e' && *p != 'E'; p++)
                if ((*p >= '1' && *p <= '9') || *p == 'i' || *p == 'I')
                    nonzero = 1;
            if (!nonzero)
                num.sign_char = 0;
        }
    }
    num.digits = s;
    while (*s >= '0' && *s <= '9')
        s++;
    num.n_digits = s - num.digits;
    if (*s == '.') {
        num.has_decimal = 1;
        s++;
    }
    num.rem = s;
    num.n_rem = (int64_t)strlen(s);
    MpObject *r = layout_number(f, &num, f->type == 'n' ? 0 : f->sep, 3);
    free(buf);
    return r;
}

/* ---- str --------------------------------------------------------------------- */

static MpObject *format_str_spec(MpObject *value, Spec *f)
{
    if (f->type != 's') {
        unknown_code(f->type, value);
        return NULL;
    }
    if (f->sign) {
        err_set(&MpExc_ValueError, f->sign == ' ' ? "Space not allowed in string format specifier"
                                                  : "Sign not allowed in string format specifier");
        return NULL;
    }
    if (f->no_neg_0) {
        err_set(&MpExc_ValueError,
                "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    if (f->alternate) {
        err_set(&MpExc_ValueError, "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (f->align == '=') {
        err_set(&MpExc_ValueError, "'=' alignment not allowed in string format specifier");
        return NULL;
    }
    int64_t len = str_len(value);
    if ((f->width == -1 || f->width <= len) && (f->precision == -1 || f->precision >= len))
        return mp_newref(value);
    if (f->precision >= 0 && f->precision < len)
        len = f->precision;
    int64_t total = f->width > len ? f->width : len, left = 0;
    if (f->align == '>')
        left = total - len;
    else if (f->align == '^')
        left = (total - len) / 2;
    Out o = { 0 };
    int bad = out_repeat(&o, f->fill, left) < 0 || out_reserve(&o, len) < 0;
    for (int64_t i = 0; !bad && i < len; i++)
        o.cps[o.n++] = str_char_at(value, i);
    if (!bad)
        bad = out_repeat(&o, f->fill, total - len - left) < 0;
    return out_finish(&o, bad);
}

/* ---- entry points -------------------------------------------------------------- */

static MpObject *str_of(MpObject *value)
{
    char buf[64];
    if (str_check(value))
        return mp_newref(value);
    if (value->type == &MpBool_Type)
        return str_from_cstr(int_as_i64(value) ? "True" : "False");
    if (value->type == &MpInt_Type) {
        snprintf(buf, sizeof buf, "%lld", (long long)int_as_i64(value));
        return str_from_cstr(buf);
    }
    if (value->type == &MpFloat_Type) {
        float_format_repr(float_as_double(value), buf, sizeof buf);
        return str_from_cstr(buf);
    }
    return obj_str(value);
}

MpObject *format_object(MpObject *value, MpObject *spec)
{
    if (!str_check(spec)) {
        err_set(&MpExc_TypeError, "format() argument 2 must be str, not %s", spec->type->name);
        return NULL;
    }
    if (str_len(spec) == 0)
        return str_of(value);
    Spec f;
    if (int_check(value)) {
        if (parse_spec(value, spec, &f, 'd', '>') < 0)
            return NULL;
        return format_int_spec(value, &f);
    }
    if (value->type == &MpFloat_Type) {
        if (parse_spec(value, spec, &f, 0, '>') < 0)
            return NULL;
        switch (f.type) {
        case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
            return format_float_spec(value, float_as_double(value), &f);
        default:
            unknown_code(f.type, value);
            return NULL;
        }
    }
    if (str_check(value)) {
        if (parse_spec(value, spec, &f, 's', '<') < 0)
            return NULL;
        return format_str_spec(value, &f);
    }
    err_set(&MpExc_TypeError, "unsupported format string passed to %s.__format__",
            type_name(value));
    return NULL;
}

MpObject *format_object_cstr(MpObject *value, const char *spec)
{
    MpObject *s = str_from_cstr(spec);
    if (!s)
        return NULL;
    MpObject *r = format_object(value, s);
    mp_decref(s);
    return r;
}

MpObject *format_int_base(int64_t v, int base)
{
    char buf[80];
    char *p = buf;
    if (v < 0)
        *p++ = '-';
    *p++ = '0';
    *p++ = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
    int_digits(v, base, 0, p);
    return str_from_cstr(buf);
}
