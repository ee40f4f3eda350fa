/* format.h — format(), f-string format specs and str.format fields.
 *
 * The format specification mini-language of CPython 3.11
 * (Python/formatter_unicode.c) for int (and bool), float and str:
 *
 *   [[fill]align][sign][z][#][0][width][,|_][.precision][type]
 *
 * with CPython's defaults (an empty spec is str(value); a float without a
 * type behaves like repr, or like 'g' keeping one decimal when a precision
 * is given), its zero padding through thousands groups ('010,' gives
 * '00,001,234') and its error messages word for word.  Other objects accept
 * only the empty spec (str(value)); a user class's __format__ is the
 * caller's business.
 */
#ifndef MP_FORMAT_H
#define MP_FORMAT_H

#include <stdint.h>
#include "object.h"

/* format(value, spec): a new str, or NULL with ValueError/TypeError/
 * OverflowError set.  spec is a str (borrowed). */
MpObject *format_object(MpObject *value, MpObject *spec);

/* The same with the spec given as UTF-8 text. */
MpObject *format_object_cstr(MpObject *value, const char *spec);

/* hex(), oct(), bin(): base 16, 8 or 2 with its '0x'/'0o'/'0b' prefix
 * after the sign ('-0x1f'). */
MpObject *format_int_base(int64_t v, int base);

#endif
