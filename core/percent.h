/* percent.h — printf-style formatting of str (`"%d items" % n`). */
#ifndef MP_PERCENT_H
#define MP_PERCENT_H

#include "object.h"

MpObject *str_percent_format(MpObject *fmt, MpObject *args);

#endif
