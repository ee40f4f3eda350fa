/* builtins_int.h — what the builtins' files share (internal). */
#ifndef MP_BUILTINS_INT_H
#define MP_BUILTINS_INT_H

#include "object.h"
#include "dict.h"

extern MpType MpEnumerate_Type, MpZip_Type, MpMap_Type, MpFilter_Type, MpReversed_Type;
void builtins_iter_init(void);
/* Constructors of the builtin value types (builtins_types.c). */
void builtins_types_init(void);
/* print() and the sys.stdout/stderr objects. */
MpObject *builtin_print(MpObject *self, MpObject **args, int nargs, MpObject *kwnames);
extern MpType MpStdStream_Type;
MpObject *stdstream_new(int fd);

#endif
