/* percent.c — `str % args`: the conversions tutorials use (%s %r %d %i
 * %f %e %g %x %o %c %%), with flags, width and precision (percent.h). */
#include <stdio.h>
#include <string.h>
#include "percent.h"
#include "abstract.h"
#include "err.h"
#include "str.h"
#include "int.h"
#include "float.h"
#include "tuple.h"
#include "dict.h"

MpObject *str_percent_format(MpObject *fmt, MpObject *args)
{
    int64_t n = str_len(fmt), argi = 0;
    int is_tuple = args->type == &MpTuple_Type;
    int64_t nargs = is_tuple ? tuple_size(args) : 1;
    StrBuf b = { 0 };
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = str_char_at(fmt, i);
        if (c != '%') {
            uint32_t one = c;
            MpObject *ch = str_from_codepoints(&one, 1);
            if (!ch)
                b.failed = 1;
            else {
                strbuf_str(&b, ch);
                mp_decref(ch);
            }
            continue;
        }
        char spec[32] = "%";
        int k = 1;
        i++;
        while (i < n && k < 20 && strchr("-+ #0123456789.", (int)str_char_at(fmt, i)))
            spec[k++] = (char)str_char_at(fmt, i++);
        if (i >= n) {
            err_set(&MpExc_ValueError, "incomplete format");
            goto fail;
        }
        char conv = (char)str_char_at(fmt, i);
        if (conv == '%') {
            strbuf_cstr(&b, "%");
            continue;
        }
        if (argi >= nargs) {
            err_set(&MpExc_TypeError, "not enough arguments for format string");
            goto fail;
        }
        MpObject *a = is_tuple ? tuple_item(args, argi) : args;
        argi++;
        char out[512];
        if (conv == 's' || conv == 'r' || conv == 'a') {
            MpObject *s = conv == 's' ? obj_str(a) : obj_repr(a);
            if (!s)
                goto fail;
            char tmp[400];
            str_to_cbuf(s, tmp, sizeof tmp);
            mp_decref(s);
            spec[k++] = 's';
            spec[k] = 0;
            snprintf(out, sizeof out, spec, tmp);
        } else if (strchr("dixXoc", conv)) {
            int64_t v;
            if (a->type == &MpFloat_Type && conv != 'c')
                v = (int64_t)float_as_double(a);
            else if (int_check(a))
                v = int_as_i64(a);
            else {
                err_set(&MpExc_TypeError, "%%%c format: a real number is required, not %s", conv == 'i' ? 'd' : conv,
                        a->type->name);
                goto fail;
            }
            if (conv == 'c') {
                uint32_t one = (uint32_t)v;
                MpObject *ch = str_from_codepoints(&one, 1);
                if (!ch)
                    goto fail;
                strbuf_str(&b, ch);
                mp_decref(ch);
                continue;
            }
            spec[k++] = 'l';
            spec[k++] = 'l';
            spec[k++] = conv == 'i' ? 'd' : conv;
            spec[k] = 0;
            snprintf(out, sizeof out, spec, (long long)v);
        } else if (strchr("feEgG", conv)) {
            if (!int_check(a) && a->type != &MpFloat_Type) {
                err_set(&MpExc_TypeError, "must be real number, not %s", a->type->name);
                goto fail;
            }
            double v = int_check(a) ? (double)int_as_i64(a) : float_as_double(a);
            spec[k++] = conv;
            spec[k] = 0;
            snprintf(out, sizeof out, spec, v);
        } else {
            err_set(&MpExc_ValueError, "unsupported format character '%c' (0x%x) at index %lld", conv,
                    (unsigned)conv, (long long)i);
            goto fail;
        }
        strbuf_cstr(&b, out);
    }
    if (argi < nargs) {
        err_set(&MpExc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    return strbuf_finish(&b);
fail:
    b.failed = 1;
    MpObject *r = strbuf_finish(&b);
    mp_xdecref(r);
    return NULL;
}
