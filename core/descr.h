/* descr.h — descriptors found on classes: property, staticmethod and
 * classmethod, and binding of functions found on a class (the
 * descriptor protocol of CPython's funcobject.c and descrobject.c, for the
 * types memplay has).  Sizes: property 64 + GC head (80), staticmethod and
 * classmethod 32 + GC head (48). */
#ifndef MP_DESCR_H
#define MP_DESCR_H

#include "object.h"

typedef struct MpProperty {
    MpObject ob;
    MpObject *fget, *fset, *fdel, *doc, *name;
} MpProperty;

typedef struct MpWrapped {   /* staticmethod / classmethod */
    MpObject ob;
    MpObject *func;
    MpObject *dict;
} MpWrapped;

extern MpType MpProperty_Type, MpStaticMethod_Type, MpClassMethod_Type, MpSuper_Type;

/* v found on a class, accessed through self (NULL: through the class
 * `type`): the value the attribute access gives (new reference). */
MpObject *descr_get(MpObject *v, MpObject *self, MpType *type);
int descr_is_data(MpObject *v);               /* a property */
int descr_set(MpObject *v, MpObject *self, MpObject *value);   /* value NULL: delete */
int descr_callable(MpObject *v);
MpObject *descr_call(MpObject *v, MpObject **args, int nargs, MpObject *kwnames);

#endif
