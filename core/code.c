/* code.c — code objects (see code.h). */
#include <stdlib.h>
#include <stdio.h>
#include "code.h"
#include "str.h"
#include "region.h"
#include "tuple.h"
#include "dict.h"
#include "err.h"

const char *const opcode_names[OP_COUNT] = {
#define X(name) #name,
    MP_OPCODES(X)
#undef X
};

/* PyCodeObject in 3.11: 176 bytes of header, then the bytecode (2 bytes
 * per code unit; we count one unit per instruction). */
size_t code_cpython_size(int ninstrs) { return 176 + 2 * (size_t)ninstrs; }

void code_release_host(MpObject *o)
{
    MpCode *c = (MpCode *)o;
    free(c->instrs);
    free(c->lines);
    free(c->handlers);
    free(c->handler_table);
    free(c->localkinds);
    free(c->namecache);
    free(c->methodcache);
    c->instrs = NULL;
    c->namecache = NULL;
    c->methodcache = NULL;
    c->lines = NULL;
    c->handlers = NULL;
    c->handler_table = NULL;
    c->localkinds = NULL;
}

static void code_dealloc(MpObject *o)
{
    MpCode *c = (MpCode *)o;
    code_release_host(o);
    MP_CLEAR(c->consts);
    MP_CLEAR(c->names);
    MP_CLEAR(c->localsplusnames);
    MP_CLEAR(c->name);
    MP_CLEAR(c->qualname);
    object_free(o);
}

static int code_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpCode *c = (MpCode *)o;
    MpObject *refs[] = { c->consts, c->names, c->localsplusnames, c->name, c->qualname };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        int r;
        if (refs[i] && (r = visit(refs[i], arg)))
            return r;
    }
    return 0;
}

static MpObject *code_repr(MpObject *o)
{
    MpCode *c = (MpCode *)o;
    char name[100], buf[200];
    str_to_cbuf(c->name, name, sizeof name);
    snprintf(buf, sizeof buf, "<code object %s at 0x%llx, file \"<snippet>\", line %d>",
             name, (unsigned long long)region_sim(o), c->firstlineno);
    return str_from_cstr(buf);
}

MpType MpCode_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "code", .basicsize = 176, .itemsize = 2,
    .dealloc = code_dealloc, .traverse = code_traverse, .repr = code_repr,
};

MpObject *code_new(MpCode *tmpl)
{
    MpCode *c = (MpCode *)object_new_sized(&MpCode_Type, code_cpython_size(tmpl->ninstrs),
                                           sizeof(MpCode));
    if (!c) {
        free(tmpl->instrs);
        free(tmpl->lines);
        free(tmpl->handlers);
        free(tmpl->handler_table);
        free(tmpl->localkinds);
        return NULL;
    }
    MpObject hdr = c->ob;
    *c = *tmpl;
    c->ob = hdr;
    size_t nnames = (size_t)tuple_size(c->names) + 1;
    c->namecache = calloc(nnames, sizeof(MpNameCache));
    c->methodcache = calloc(nnames, sizeof(MpMethodCache));
    if (!c->namecache || !c->methodcache) {
        code_release_host(MP_OBJ(c));
        object_free(MP_OBJ(c));
        err_no_memory();
        return NULL;
    }
    mp_incref(c->consts);
    mp_incref(c->names);
    mp_incref(c->localsplusnames);
    mp_incref(c->name);
    mp_incref(c->qualname);
    return MP_OBJ(c);
}
