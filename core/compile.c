/* compile.c — the compiler's units: emitting instructions, labels, the
 * handler table, constants and names, name resolution through the symbol
 * tables, nested scopes, and assembling a unit into a code object.
 * Statements are in compile_stmt.c, expressions in compile_expr.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compile_int.h"
#include "str.h"
#include "int.h"
#include "float.h"
#include "tuple.h"
#include "err.h"

/* ---- growing arrays ------------------------------------------------------------- */

static int grow(Compiler *c, void **p, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return 0;
    int ncap = *cap ? *cap * 2 : 16;
    while (ncap < need)
        ncap *= 2;
    void *np = realloc(*p, (size_t)ncap * elem);
    if (!np) {
        c->failed = 1;
        err_no_memory();
        return -1;
    }
    *p = np;
    *cap = ncap;
    return 0;
}

void *compile_error(Compiler *c, const AstNode *n, const char *msg)
{
    if (!c->failed) {
        c->failed = 1;
        c->err->type = "SyntaxError";
        snprintf(c->err->msg, sizeof c->err->msg, "%s", msg);
        c->err->line = n ? n->line : 0;
        c->err->col = n ? n->col + 1 : 0;
    }
    return NULL;
}

void set_line(Compiler *c, const AstNode *n) { if (n && n->line > 0) c->u->line = n->line; }

/* ---- stack effects ------------------------------------------------------------------ */

static int stack_effect(MpOpcode op, int arg)
{
    switch (op) {
    case OP_NOP: case OP_SWAP: return 0;
    case OP_POP_TOP: return -1;
    case OP_PUSH_NULL: case OP_COPY: case OP_LOAD_CONST: case OP_LOAD_FAST: case OP_LOAD_DEREF:
    case OP_LOAD_CLOSURE: case OP_LOAD_CLASSDEREF: case OP_LOAD_GLOBAL: case OP_LOAD_NAME:
    case OP_LOAD_ASSERTION_ERROR: case OP_IMPORT_FROM:
        return 1;
    case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_GLOBAL: case OP_STORE_NAME: return -1;
    case OP_DELETE_FAST: case OP_DELETE_DEREF: case OP_DELETE_GLOBAL: case OP_DELETE_NAME:
    case OP_MAKE_CELL: case OP_COPY_FREE_VARS: case OP_KW_NAMES: case OP_GEN_START: return 0;
    case OP_LOAD_ATTR: return 0;
    case OP_LOAD_METHOD: return 1;
    case OP_STORE_ATTR: return -2;
    case OP_DELETE_ATTR: return -1;
    case OP_BINARY_OP: case OP_INPLACE_OP: case OP_COMPARE_OP: case OP_BINARY_SUBSCR: return -1;
    case OP_UNARY_OP: return 0;
    case OP_STORE_SUBSCR: return -3;
    case OP_DELETE_SUBSCR: return -2;
    case OP_BUILD_SLICE: return 1 - arg;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING: return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE:
    case OP_DICT_UPDATE: case OP_DICT_MERGE: return -1;
    case OP_MAP_ADD: return -2;
    case OP_LIST_TO_TUPLE: return 0;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case OP_JUMP: return 0;
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: return -1;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return -1;
    case OP_GET_ITER: case OP_GET_YIELD_FROM_ITER: return 0;
    case OP_FOR_ITER: return 1;
    case OP_CALL: return -arg - 1;
    case OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case OP_RETURN_VALUE: return -1;
    case OP_MAKE_FUNCTION: return -((arg & 1) + ((arg >> 1) & 1) + ((arg >> 3) & 1));
    case OP_BUILD_CLASS: return -2;
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_RAISE: return -arg;
    case OP_RERAISE: return -1;
    case OP_PUSH_EXC_INFO: return 1;
    case OP_POP_EXCEPT: return -1;
    case OP_CHECK_EXC_MATCH: return 0;
    case OP_EXC_CLEANUP: return -2;
    case OP_BEFORE_WITH: return 1;
    case OP_WITH_EXIT: return -1;
    case OP_WITH_EXCEPT_START: return 1;
    case OP_IMPORT_NAME: return 1;
    case OP_YIELD_VALUE: return 0;
    case OP_SEND: return 0;
    case OP_RETURN_GENERATOR: return 1;   /* on resume: the value sent */
    default: return 0;
    }
}

int emit(Compiler *c, MpOpcode op, int arg)
{
    Unit *u = c->u;
    if (c->failed)
        return -1;
    if (grow(c, (void **)&u->code, &u->cap, u->n + 1, sizeof *u->code) < 0)
        return -1;
    u->lines = realloc(u->lines, (size_t)u->cap * sizeof *u->lines);
    u->hidx = realloc(u->hidx, (size_t)u->cap * sizeof *u->hidx);
    if (!u->lines || !u->hidx) {
        c->failed = 1;
        err_no_memory();
        return -1;
    }
    u->code[u->n] = (MpInstr)op | ((MpInstr)arg << 8);
    u->lines[u->n] = u->line;
    u->hidx[u->n] = (int16_t)u->cur_handler;
    u->depth += stack_effect(op, arg);
    if (u->depth > u->maxdepth)
        u->maxdepth = u->depth;
    return u->n++;
}

int new_label(Compiler *c)
{
    Unit *u = c->u;
    if (grow(c, (void **)&u->labels, &u->lcap, u->nlabels + 1, sizeof *u->labels) < 0)
        return 0;
    u->labels[u->nlabels].pc = -1;
    u->labels[u->nlabels].depth = -1;
    return u->nlabels++;
}

void bind_label(Compiler *c, int label)
{
    Unit *u = c->u;
    if (c->failed)
        return;
    u->labels[label].pc = u->n;
    if (u->labels[label].depth >= 0)
        u->depth = u->labels[label].depth;
}

static void note_depth(Compiler *c, int label, int depth)
{
    Label *l = &c->u->labels[label];
    if (l->depth < depth)
        l->depth = depth;
}

int emit_jump(Compiler *c, MpOpcode op, int label)
{
    Unit *u = c->u;
    int before = u->depth;
    int pc = emit(c, op, 0);
    if (pc < 0)
        return -1;
    switch (op) {
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: note_depth(c, label, before); break;
    case OP_FOR_ITER: note_depth(c, label, before - 1); break;
    case OP_SEND: note_depth(c, label, before - 1); break;
    default: note_depth(c, label, u->depth); break;
    }
    if (grow(c, (void **)&u->patches, &u->pcap, u->npatches + 1, sizeof *u->patches) < 0)
        return -1;
    u->patches[u->npatches][0] = pc;
    u->patches[u->npatches][1] = label;
    u->npatches++;
    return pc;
}

int new_handler(Compiler *c, int label, int depth)
{
    Unit *u = c->u;
    if (grow(c, (void **)&u->htab, &u->hcap, u->nh + 1, sizeof *u->htab) < 0)
        return -1;
    u->htab[u->nh].target = label;   /* a label until assembly */
    u->htab[u->nh].depth = depth;
    note_depth(c, label, depth + 1);
    return u->nh++;
}

void set_handler(Compiler *c, int h) { c->u->cur_handler = h; }

/* ---- constants and names ------------------------------------------------------------- */

static int same_const(MpObject *a, MpObject *b)
{
    if (a->type != b->type)
        return 0;
    if (a == b)
        return 1;
    if (a->type == &MpInt_Type)
        return int_as_i64(a) == int_as_i64(b);
    if (a->type == &MpFloat_Type) {
        double x = float_as_double(a), y = float_as_double(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (a->type == &MpStr_Type)
        return object_eq(a, b) == 1;
    return 0;
}

int add_const(Compiler *c, MpObject *o)
{
    Unit *u = c->u;
    if (!o) {
        c->failed = 1;
        return -1;
    }
    for (int i = 0; i < u->nconsts; i++)
        if (same_const(u->consts[i], o)) {
            mp_decref(o);
            return i;
        }
    if (grow(c, (void **)&u->consts, &u->ccap, u->nconsts + 1, sizeof *u->consts) < 0) {
        mp_decref(o);
        return -1;
    }
    u->consts[u->nconsts] = o;
    return u->nconsts++;
}

int const_none(Compiler *c) { return add_const(c, mp_newref(MP_NONE)); }

int add_name(Compiler *c, const char *name)
{
    Unit *u = c->u;
    for (int i = 0; i < u->nnames; i++)
        if (str_eq_cstr(u->names[i], name))
            return i;
    if (grow(c, (void **)&u->names, &u->ncap, u->nnames + 1, sizeof *u->names) < 0)
        return -1;
    MpObject *s = str_from_cstr(name);
    if (!s) {
        c->failed = 1;
        return -1;
    }
    u->names[u->nnames] = s;
    return u->nnames++;
}

static int lp_index(Unit *u, const char *name)
{
    for (int i = 0; i < u->nlp; i++)
        if (!strcmp(u->lp[i], name))
            return i;
    return -1;
}

static int lp_add(Compiler *c, const char *name, int kind)
{
    Unit *u = c->u;
    int i = lp_index(u, name);
    if (i >= 0) {
        u->kinds[i] |= (uint8_t)kind;
        return i;
    }
    int cap = u->lpcap;
    if (grow(c, (void **)&u->lp, &u->lpcap, u->nlp + 1, sizeof *u->lp) < 0)
        return -1;
    if (u->lpcap != cap && !(u->kinds = realloc(u->kinds, (size_t)u->lpcap))) {
        c->failed = 1;
        return -1;
    }
    u->lp[u->nlp] = name;
    u->kinds[u->nlp] = (uint8_t)kind;
    return u->nlp++;
}

/* ---- names ------------------------------------------------------------------------------- */

static const char *mangle(Compiler *c, const char *name) { return name; }

int compile_name(Compiler *c, const char *name, AstCtx ctx, const AstNode *at)
{
    Unit *u = c->u;
    name = mangle(c, name);
    const Symbol *sym = symtable_lookup(u->st, name);
    SymScopeKind scope = sym ? sym->scope : SYM_GLOBAL_IMPLICIT;
    int is_func = u->st->type == BLOCK_FUNCTION;
    enum { FAST, DEREF, GLOBAL, NAME, CLASSDEREF } how;
    switch (scope) {
    case SYM_FREE: how = u->st->type == BLOCK_CLASS ? (ctx == CTX_Load ? CLASSDEREF : NAME) : DEREF; break;
    case SYM_CELL: how = is_func ? DEREF : NAME; break;
    case SYM_LOCAL: how = is_func ? FAST : NAME; break;
    case SYM_GLOBAL_EXPLICIT: how = GLOBAL; break;
    case SYM_GLOBAL_IMPLICIT: how = is_func ? GLOBAL : NAME; break;
    default: how = NAME; break;
    }
    if (how == FAST || how == DEREF || how == CLASSDEREF) {
        int i = lp_index(u, name);
        if (i < 0)
            return compile_error(c, at, "internal error: unknown local"), -1;
        MpOpcode op = how == FAST
            ? (ctx == CTX_Load ? OP_LOAD_FAST : ctx == CTX_Store ? OP_STORE_FAST : OP_DELETE_FAST)
            : how == CLASSDEREF ? OP_LOAD_CLASSDEREF
            : (ctx == CTX_Load ? OP_LOAD_DEREF : ctx == CTX_Store ? OP_STORE_DEREF : OP_DELETE_DEREF);
        return emit(c, op, i);
    }
    int ni = add_name(c, name);
    if (ni < 0)
        return -1;
    MpOpcode op = how == GLOBAL
        ? (ctx == CTX_Load ? OP_LOAD_GLOBAL : ctx == CTX_Store ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL)
        : (ctx == CTX_Load ? OP_LOAD_NAME : ctx == CTX_Store ? OP_STORE_NAME : OP_DELETE_NAME);
    return emit(c, op, ni);
}

/* ---- units ------------------------------------------------------------------------------------ */

static SymTable *child_table(SymTable *parent, const AstNode *node)
{
    for (int i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->node == node)
            return parent->children[i];
    return NULL;
}

static void unit_free(Unit *u)
{
    for (int i = 0; i < u->nconsts; i++)
        mp_decref(u->consts[i]);
    for (int i = 0; i < u->nnames; i++)
        mp_decref(u->names[i]);
    free(u->code); free(u->lines); free(u->hidx); free(u->htab); free(u->labels);
    free(u->patches); free(u->consts); free(u->names); free(u->lp); free(u->kinds);
    free(u);
}

static Unit *unit_enter(Compiler *c, SymTable *st, const char *name, int line)
{
    Unit *u = calloc(1, sizeof *u);
    if (!u) {
        c->failed = 1;
        err_no_memory();
        return NULL;
    }
    u->st = st;
    u->parent = c->u;
    u->cur_handler = -1;
    u->line = u->firstlineno = line;
    u->name = name;
    const char *sep = !u->parent || u->parent->st->type == BLOCK_MODULE ? NULL
                    : u->parent->st->type == BLOCK_FUNCTION ? ".<locals>." : ".";
    size_t cap = sizeof u->qualname, k = 0;
    if (sep) {
        k = strlen(u->parent->qualname);
        k = k < cap - 1 ? k : cap - 1;
        memcpy(u->qualname, u->parent->qualname, k);
        for (const char *p = sep; *p && k < cap - 1; p++)
            u->qualname[k++] = *p;
    }
    for (const char *p = name; *p && k < cap - 1; p++)
        u->qualname[k++] = *p;
    u->qualname[k] = '\0';
    c->u = u;
    return u;
}

/* Lays out localsplus: parameters, other locals, cells, free variables. */
static int layout_locals(Compiler *c, const AstNode *args)
{
    Unit *u = c->u;
    SymTable *st = u->st;
    if (args) {
        const AstList *lists[] = { &args->l1, &args->l2 };
        for (int k = 0; k < 2; k++)
            for (int i = 0; i < lists[k]->n; i++)
                lp_add(c, lists[k]->items[i]->s, MP_LOCAL);
        for (int i = 0; i < args->l3.n; i++)
            lp_add(c, args->l3.items[i]->s, MP_LOCAL);
        if (args->a) {
            lp_add(c, args->a->s, MP_LOCAL);
            u->flags |= MP_CO_VARARGS;
        }
        if (args->b) {
            lp_add(c, args->b->s, MP_LOCAL);
            u->flags |= MP_CO_VARKEYWORDS;
        }
        u->posonly = args->l1.n;
        u->argcount = args->l1.n + args->l2.n;
        u->kwonly = args->l3.n;
    }
    if (st->type == BLOCK_FUNCTION) {
        for (int i = 0; i < st->nsyms; i++)
            if ((st->syms[i].flags & SYM_DEF_PARAM))
                lp_add(c, st->syms[i].name, MP_LOCAL);   /* ".0" of comprehensions */
        if (!args)
            u->argcount = u->nlp;
        for (int i = 0; i < st->nsyms; i++)
            if (st->syms[i].scope == SYM_LOCAL)
                lp_add(c, st->syms[i].name, MP_LOCAL);
    }
    for (int i = 0; i < st->nsyms; i++)
        if (st->syms[i].scope == SYM_CELL)
            lp_add(c, st->syms[i].name, MP_CELL);
    if (st->needs_class_closure)
        lp_add(c, "__class__", MP_CELL);
    for (int i = 0; i < st->nsyms; i++)
        if (st->syms[i].scope == SYM_FREE)
            lp_add(c, st->syms[i].name, MP_FREE);
    return c->failed ? -1 : 0;
}

static MpObject *str_tuple(Compiler *c, MpObject **items, int n, const char **cnames)
{
    MpObject *t = tuple_new(n);
    if (!t) {
        c->failed = 1;
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        MpObject *v = items ? mp_newref(items[i]) : str_from_cstr(cnames[i]);
        if (!v) {
            c->failed = 1;
            mp_decref(t);
            return NULL;
        }
        ((MpTuple *)t)->items[i] = v;
    }
    return t;
}

static MpObject *assemble(Compiler *c)
{
    Unit *u = c->u;
    for (int i = 0; i < u->npatches; i++) {
        int pc = u->patches[i][0], target = u->labels[u->patches[i][1]].pc;
        u->code[pc] = (u->code[pc] & 0xff) | ((MpInstr)target << 8);
    }
    for (int i = 0; i < u->nh; i++)
        u->htab[i].target = u->labels[u->htab[i].target].pc;
    MpCode tmpl;
    memset(&tmpl, 0, sizeof tmpl);
    tmpl.consts = str_tuple(c, u->consts, u->nconsts, NULL);
    tmpl.names = str_tuple(c, u->names, u->nnames, NULL);
    tmpl.localsplusnames = str_tuple(c, NULL, u->nlp, u->lp);
    tmpl.name = str_from_cstr(u->name);
    tmpl.qualname = str_from_cstr(u->qualname);
    MpObject *code = NULL;
    if (tmpl.consts && tmpl.names && tmpl.localsplusnames && tmpl.name && tmpl.qualname) {
        tmpl.instrs = u->code; tmpl.lines = u->lines; tmpl.handlers = u->hidx;
        tmpl.handler_table = u->htab; tmpl.localkinds = u->kinds;
        tmpl.ninstrs = u->n; tmpl.nhandlers = u->nh;
        u->code = NULL; u->lines = NULL; u->hidx = NULL; u->htab = NULL; u->kinds = NULL;
        tmpl.argcount = u->argcount; tmpl.posonlyargcount = u->posonly;
        tmpl.kwonlyargcount = u->kwonly; tmpl.nlocalsplus = u->nlp;
        for (int i = 0; i < u->nlp; i++) {
            uint8_t k = tmpl.localkinds[i];
            if (k & MP_FREE) tmpl.nfree++;
            else if (k & MP_CELL) tmpl.ncells++;
            if (k & MP_LOCAL) tmpl.nlocals++;
        }
        tmpl.stacksize = u->maxdepth + 1;
        tmpl.flags = u->flags;
        tmpl.firstlineno = u->firstlineno;
        code = code_new(&tmpl);
        if (!code)
            c->failed = 1;
    } else {
        c->failed = 1;
    }
    mp_xdecref(tmpl.consts); mp_xdecref(tmpl.names); mp_xdecref(tmpl.localsplusnames);
    mp_xdecref(tmpl.name); mp_xdecref(tmpl.qualname);
    return code;
}

static void unit_leave(Compiler *c)
{
    Unit *u = c->u;
    c->u = u->parent;
    unit_free(u);
}

/* Prologue: wrap cells, copy free variables from the closure. */
static void prologue(Compiler *c)
{
    Unit *u = c->u;
    int nfree = 0;
    for (int i = 0; i < u->nlp; i++)
        if (u->kinds[i] & MP_FREE)
            nfree++;
    if (nfree)
        emit(c, OP_COPY_FREE_VARS, nfree);
    for (int i = 0; i < u->nlp; i++)
        if ((u->kinds[i] & MP_CELL) && !(u->kinds[i] & MP_FREE))
            emit(c, OP_MAKE_CELL, i);
}

/* Loads the closure of the unit just compiled (in the parent) and emits
 * MAKE_FUNCTION; flags tells which of defaults/kwdefaults are on the stack. */
static int make_closure(Compiler *c, MpObject *code, Unit *child_kinds_src, const char **freenames,
                        int nfree, int flags)
{
    if (nfree) {
        for (int i = 0; i < nfree; i++) {
            int idx = lp_index(c->u, freenames[i]);
            if (idx < 0)
                return compile_error(c, NULL, "internal error: free variable not found"), -1;
            emit(c, OP_LOAD_CLOSURE, idx);
        }
        emit(c, OP_BUILD_TUPLE, nfree);
        flags |= 8;
    }
    int ci = add_const(c, code);
    if (ci < 0)
        return -1;
    emit(c, OP_LOAD_CONST, ci);
    return emit(c, OP_MAKE_FUNCTION, flags);
}

static int collect_free(Unit *u, const char **out, int max)
{
    int n = 0;
    for (int i = 0; i < u->nlp && n < max; i++)
        if (u->kinds[i] & MP_FREE)
            out[n++] = u->lp[i];
    return n;
}

enum { MAX_FREE = 256 };

static int finish_scope(Compiler *c, int flags)
{
    const char *freenames[MAX_FREE];
    Unit *u = c->u;
    int nfree = collect_free(u, freenames, MAX_FREE);
    MpObject *code = assemble(c);
    unit_leave(c);
    if (!code)
        return -1;
    return make_closure(c, code, NULL, freenames, nfree, flags);
}

static int compile_defaults(Compiler *c, const AstNode *args)
{
    int flags = 0;
    if (!args)
        return 0;
    if (args->l5.n) {
        for (int i = 0; i < args->l5.n; i++)
            compile_expr(c, args->l5.items[i]);
        emit(c, OP_BUILD_TUPLE, args->l5.n);
        flags |= 1;
    }
    int nkw = 0;
    for (int i = 0; i < args->l4.n; i++) {
        if (!args->l4.items[i])
            continue;
        int k = add_const(c, str_from_cstr(args->l3.items[i]->s));
        emit(c, OP_LOAD_CONST, k);
        compile_expr(c, args->l4.items[i]);
        nkw++;
    }
    if (nkw) {
        emit(c, OP_BUILD_MAP, nkw);
        flags |= 2;
    }
    return c->failed ? -1 : flags;
}

int compile_scope_function(Compiler *c, const AstNode *node, const char *name,
                           const AstNode *args, int is_lambda)
{
    int flags = compile_defaults(c, args);
    if (flags < 0)
        return -1;
    SymTable *st = child_table(c->u->st, node);
    if (!st)
        return compile_error(c, node, "internal error: no symbol table"), -1;
    if (!unit_enter(c, st, name, node->line))
        return -1;
    if (layout_locals(c, args) < 0)
        return -1;
    if (st->generator)
        c->u->flags |= MP_CO_GENERATOR;
    prologue(c);
    if (st->generator) {
        emit(c, OP_RETURN_GENERATOR, 0);
        emit(c, OP_POP_TOP, 0);
    }
    if (is_lambda) {
        compile_expr(c, node->b);
        emit(c, OP_RETURN_VALUE, 0);
    } else {
        /* a docstring is the first constant, as in CPython */
        const AstList *body = &node->l1;
        if (body->n && body->items[0]->kind == AST_Expr && body->items[0]->a->kind == AST_Constant
            && body->items[0]->a->ck == CONST_STR)
            add_const(c, str_from_utf8(body->items[0]->a->s, body->items[0]->a->slen));
        else
            const_none(c);
        compile_body(c, body);
        c->u->line = -1;
        emit(c, OP_LOAD_CONST, const_none(c));
        emit(c, OP_RETURN_VALUE, 0);
    }
    if (c->failed)
        return -1;
    return finish_scope(c, flags);
}

int compile_class(Compiler *c, const AstNode *s)
{
    SymTable *st = child_table(c->u->st, s);
    if (!st)
        return compile_error(c, s, "internal error: no symbol table"), -1;
    if (!unit_enter(c, st, s->s, s->line))
        return -1;
    c->u->flags |= MP_CO_CLASSBODY;
    if (layout_locals(c, NULL) < 0)
        return -1;
    prologue(c);
    /* __module__ and __qualname__, as CPython's class bodies set them */
    emit(c, OP_LOAD_NAME, add_name(c, "__name__"));
    emit(c, OP_STORE_NAME, add_name(c, "__module__"));
    emit(c, OP_LOAD_CONST, add_const(c, str_from_cstr(c->u->qualname)));
    emit(c, OP_STORE_NAME, add_name(c, "__qualname__"));
    compile_body(c, &s->l3);
    c->u->line = -1;
    if (st->needs_class_closure)
        emit(c, OP_LOAD_CLOSURE, lp_index(c->u, "__class__"));
    else
        emit(c, OP_LOAD_CONST, const_none(c));
    emit(c, OP_RETURN_VALUE, 0);
    if (c->failed)
        return -1;
    return finish_scope(c, 0);
}

int compile_comprehension(Compiler *c, const AstNode *e)
{
    static const char *names[] = {
        [AST_ListComp] = "<listcomp>", [AST_SetComp] = "<setcomp>",
        [AST_DictComp] = "<dictcomp>", [AST_GeneratorExp] = "<genexpr>",
    };
    SymTable *st = child_table(c->u->st, e);
    if (!st)
        return compile_error(c, e, "internal error: no symbol table"), -1;
    const AstList *gens = &e->l1;
    emit(c, OP_PUSH_NULL, 0);
    if (!unit_enter(c, st, names[e->kind], e->line))
        return -1;
    if (layout_locals(c, NULL) < 0)
        return -1;
    int is_gen = e->kind == AST_GeneratorExp;
    if (is_gen)
        c->u->flags |= MP_CO_GENERATOR;
    prologue(c);
    if (is_gen) {
        emit(c, OP_RETURN_GENERATOR, 0);
        emit(c, OP_POP_TOP, 0);
    }
    else
        emit(c, e->kind == AST_ListComp ? OP_BUILD_LIST : e->kind == AST_SetComp ? OP_BUILD_SET
                                                                              : OP_BUILD_MAP, 0);
    int starts[32], ends[32];
    int ng = gens->n < 32 ? gens->n : 32;
    for (int g = 0; g < ng; g++) {
        const AstNode *gen = gens->items[g];
        set_line(c, gen->b);
        if (g == 0)
            emit(c, OP_LOAD_FAST, 0);
        else {
            compile_expr(c, gen->b);
            emit(c, OP_GET_ITER, 0);
        }
        starts[g] = new_label(c);
        ends[g] = new_label(c);
        bind_label(c, starts[g]);
        emit_jump(c, OP_FOR_ITER, ends[g]);
        compile_store(c, gen->a);
        for (int k = 0; k < gen->l1.n; k++) {
            compile_expr(c, gen->l1.items[k]);
            emit_jump(c, OP_POP_JUMP_IF_FALSE, starts[g]);
        }
    }
    int depth = ng + (is_gen ? 0 : 0);
    set_line(c, e);
    if (is_gen) {
        compile_expr(c, e->a);
        emit(c, OP_YIELD_VALUE, 0);
        emit(c, OP_POP_TOP, 0);
    } else if (e->kind == AST_DictComp) {
        compile_expr(c, e->a);
        compile_expr(c, e->b);
        emit(c, OP_MAP_ADD, depth + 1);
    } else {
        compile_expr(c, e->a);
        emit(c, e->kind == AST_ListComp ? OP_LIST_APPEND : OP_SET_ADD, depth + 1);
    }
    for (int g = ng - 1; g >= 0; g--) {
        emit_jump(c, OP_JUMP, starts[g]);
        bind_label(c, ends[g]);
    }
    if (is_gen)
        emit(c, OP_LOAD_CONST, const_none(c));
    emit(c, OP_RETURN_VALUE, 0);
    if (c->failed)
        return -1;
    if (finish_scope(c, 0) < 0)
        return -1;
    compile_expr(c, gens->items[0]->b);
    emit(c, OP_GET_ITER, 0);
    return emit(c, OP_CALL, 1);
}

/* The compilation in progress (compiling the weakref prelude happens
 * during a run, and its steps show the constants it has made). */
static Compiler *active;

void compile_visit_roots(MpVisit visit, void *arg)
{
    if (!active)
        return;
    for (Unit *u = active->u; u; u = u->parent) {
        for (int i = 0; i < u->nconsts; i++)
            if (u->consts[i])
                visit(u->consts[i], arg);
        for (int i = 0; i < u->nnames; i++)
            if (u->names[i])
                visit(u->names[i], arg);
    }
}

MpObject *compile_module(const AstNode *module, SymTable *top, ParseError *err)
{
    Compiler c = { 0 };
    c.err = err;
    Compiler *outer = active;
    active = &c;
    if (!unit_enter(&c, top, "<module>", 1)) {
        active = outer;
        return NULL;
    }
    c.u->flags |= MP_CO_MODULE;
    c.u->firstlineno = 1;
    compile_body(&c, &module->l1);
    c.u->line = -1;
    emit(&c, OP_LOAD_CONST, const_none(&c));
    emit(&c, OP_RETURN_VALUE, 0);
    MpObject *code = c.failed ? NULL : assemble(&c);
    while (c.u)
        unit_leave(&c);
    active = outer;
    if (c.failed) {
        mp_xdecref(code);
        return NULL;
    }
    return code;
}
