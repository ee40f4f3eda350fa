/* module.h — module objects and memplay's module table.
 *
 * A module is a namespace dict with a name (PyModuleObject: 56 bytes +
 * GC head).  The modules a snippet may import are memplay's own builds of
 * sys, gc, weakref and memplay; each is made on first import and kept in
 * the table (sys.modules) for the rest of the run.
 */
#ifndef MP_MODULE_H
#define MP_MODULE_H

#include "object.h"

typedef struct MpModule {
    MpObject ob;
    MpObject *dict;
    MpObject *name;
} MpModule;

extern MpType MpModule_Type;

MpObject *module_new(const char *name);
/* Adds C functions (a NULL-terminated table) to a module's dict. */
int module_add_functions(MpObject *module, const MpMethodDef *defs);
int module_add(MpObject *module, const char *name, MpObject *value);  /* steals value */

/* The import hook the VM uses (new reference, or ModuleNotFoundError). */
MpObject *module_import(MpObject *name);
/* The module if it was imported (borrowed), else NULL. */
MpObject *module_loaded(MpObject *name);
MpObject *module_loaded_cstr(const char *name);
void modules_reset(void);
/* Marks the module being built during its import (a root until it is in
 * the table); returns the one marked before, to restore afterwards. */
MpObject *modules_set_loading(MpObject *module);
/* sys.unraisablehook when the snippet replaced it (borrowed), else NULL;
 * the UnraisableHookArgs object for it (new reference). */
MpObject *sys_unraisable_hook(void);
MpObject *sys_unraisable_args(MpObject *exc, MpObject *obj, MpObject *err_msg);
extern MpType MpUnraisableArgs_Type;
void modules_visit_roots(MpVisit visit, void *arg);

/* Builders of memplay's modules (mod_*.c). */
MpObject *mod_builtins_init(void);   /* the builtins namespace dict */
MpObject *mod_sys_init(void);
MpObject *mod_gc_init(void);
MpObject *mod_weakref_init(void);
MpObject *mod_memplay_init(void);
void mod_sys_reset(void);
void mod_sys_visit_roots(MpVisit visit, void *arg);

#endif
