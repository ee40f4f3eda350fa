/* compile_expr.c — expressions, assignment targets and deletions. */
#include <string.h>
#include "compile_int.h"
#include "str.h"
#include "int.h"
#include "float.h"
#include "tuple.h"
#include "abstract.h"
#include "err.h"

static MpObject *const_object(const AstNode *e)
{
    switch (e->ck) {
    case CONST_NONE: return mp_newref(MP_NONE);
    case CONST_TRUE: return mp_newref(MP_TRUE);
    case CONST_FALSE: return mp_newref(MP_FALSE);
    case CONST_ELLIPSIS: return mp_newref(MP_ELLIPSIS);
    case CONST_INT: return int_from_i64(e->i);
    case CONST_FLOAT: return float_from_double(e->f);
    case CONST_STR: return str_from_utf8(e->s, e->slen);
    case CONST_BYTES: return bytes_from(e->s, e->slen);
    }
    return NULL;
}

/* ---- constant folding (CPython 3.11's ast_opt.c) ----------------------------
 * A BinOp or UnaryOp whose operands are constants (after folding them) is
 * computed at compile time, within CPython's limits on the size of the
 * result; an operation that fails is left for run time, which raises. */
enum { FOLD_MAX_INT_BITS = 128, FOLD_MAX_STR_SIZE = 4096 };

static int64_t fold_numbits(const MpObject *o)
{
    int64_t v = int_as_i64(o);
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int64_t n = 0;
    while (m) {
        n++;
        m >>= 1;
    }
    return n;
}

static MpObject *fold_multiply(MpObject *v, MpObject *w)
{
    if (int_check(v) && int_check(w) && int_as_i64(v) && int_as_i64(w)) {
        if (fold_numbits(v) + fold_numbits(w) > FOLD_MAX_INT_BITS)
            return NULL;
    } else if (int_check(v) && (str_check(w) || w->type == &MpBytes_Type)) {
        int64_t size = str_check(w) ? str_len(w) : bytes_size(w);
        if (size) {
            int64_t n = int_as_i64(v);
            if (n < 0 || n > FOLD_MAX_STR_SIZE / size)
                return NULL;
        }
    } else if (int_check(w) && (str_check(v) || v->type == &MpBytes_Type)) {
        return fold_multiply(w, v);
    }
    return obj_binop(v, w, OPK_Mult);
}

static MpObject *fold_power(MpObject *v, MpObject *w)
{
    if (int_check(v) && int_check(w) && int_as_i64(v) && int_as_i64(w) > 0) {
        int64_t vbits = fold_numbits(v), wbits = int_as_i64(w);
        if (vbits > FOLD_MAX_INT_BITS / wbits)
            return NULL;
    }
    return obj_binop(v, w, OPK_Pow);
}

static MpObject *fold_lshift(MpObject *v, MpObject *w)
{
    if (int_check(v) && int_check(w) && int_as_i64(v) && int_as_i64(w)) {
        int64_t vbits = fold_numbits(v), wbits = int_as_i64(w);
        if (wbits < 0)
            return NULL;   /* PyLong_AsSize_t fails */
        if (wbits > FOLD_MAX_INT_BITS || vbits > FOLD_MAX_INT_BITS - wbits)
            return NULL;
    }
    return obj_binop(v, w, OPK_LShift);
}

/* Whether e is made of constants and foldable operators only. */
static int foldable(const AstNode *e)
{
    if (e->kind == AST_Constant)
        return 1;
    if (e->kind == AST_UnaryOp)
        return foldable(e->a);
    return e->kind == AST_BinOp && e->op != OPK_MatMult && foldable(e->a) && foldable(e->b);
}

/* The folded value of e (new reference), or NULL: not a constant. */
static MpObject *fold_const(const AstNode *e)
{
    if (e->kind == AST_Constant)
        return const_object(e);
    if (e->kind == AST_UnaryOp) {
        MpObject *v = fold_const(e->a);
        if (!v)
            return NULL;
        MpObject *r;
        if (e->op == OPK_Not) {
            int t = obj_truth(v);
            r = t < 0 ? NULL : bool_from(!t);
        } else {
            r = obj_unary(v, e->op);
        }
        mp_decref(v);
        if (!r)
            err_clear();
        return r;
    }
    if (e->kind != AST_BinOp)
        return NULL;
    MpObject *v = fold_const(e->a);
    if (!v)
        return NULL;
    if (e->op == OPK_MatMult) {
        mp_decref(v);
        return NULL;
    }
    MpObject *w = fold_const(e->b);
    if (!w) {
        mp_decref(v);
        return NULL;
    }
    MpObject *r;
    switch (e->op) {
    case OPK_Mult: r = fold_multiply(v, w); break;
    case OPK_Pow: r = fold_power(v, w); break;
    case OPK_LShift: r = fold_lshift(v, w); break;
    case OPK_Mod:
        /* safe_mod: str % and bytes % are never folded */
        r = (str_check(v) || v->type == &MpBytes_Type) ? NULL : obj_binop(v, w, e->op);
        break;
    default: r = obj_binop(v, w, e->op); break;
    }
    mp_decref(v);
    mp_decref(w);
    if (!r)
        err_clear();
    return r;
}

static int has_starred(const AstList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i]->kind == AST_Starred)
            return 1;
    return 0;
}

/* A list/tuple/set display, with *unpacking. */
static int all_constant(const AstList *elts)
{
    for (int i = 0; i < elts->n; i++)
        if (!foldable(elts->items[i]))
            return 0;
    return 1;
}

static int sequence(Compiler *c, const AstList *elts, MpOpcode build, MpOpcode extend)
{
    if ((build == OP_BUILD_LIST || build == OP_BUILD_SET) && elts->n > 2 && all_constant(elts)) {
        /* as CPython: an empty display extended by a constant tuple (the
         * items as the AST optimizer left them: folded) */
        MpObject *t = tuple_new(elts->n);
        if (!t)
            return c->failed = 1, -1;
        for (int i = 0; i < elts->n; i++) {
            MpObject *v = fold_const(elts->items[i]);
            if (!v) {
                /* an operation that fails at run time: not a constant */
                mp_decref(t);
                goto not_constant;
            }
            ((MpTuple *)t)->items[i] = v;
        }
        emit(c, build, 0);
        emit(c, OP_LOAD_CONST, add_const(c, t));
        return emit(c, build == OP_BUILD_LIST ? OP_LIST_EXTEND : OP_SET_UPDATE, 1);
    }
not_constant:
    if (!has_starred(elts)) {
        for (int i = 0; i < elts->n; i++)
            compile_expr(c, elts->items[i]);
        return emit(c, build, elts->n);
    }
    int is_set = build == OP_BUILD_SET;
    emit(c, is_set ? OP_BUILD_SET : OP_BUILD_LIST, 0);
    for (int i = 0; i < elts->n; i++) {
        const AstNode *e = elts->items[i];
        if (e->kind == AST_Starred) {
            compile_expr(c, e->a);
            emit(c, is_set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            compile_expr(c, e);
            emit(c, is_set ? OP_SET_ADD : OP_LIST_APPEND, 1);
        }
    }
    if (build == OP_BUILD_TUPLE)
        emit(c, OP_LIST_TO_TUPLE, 0);
    (void)extend;
    return 0;
}

static int dict_display(Compiler *c, const AstNode *e)
{
    int pending = 0, built = 0;
    for (int i = 0; i < e->l1.n; i++) {
        const AstNode *k = e->l1.items[i];
        if (!k) {
            if (pending || !built) {
                emit(c, OP_BUILD_MAP, pending);
                if (built)
                    emit(c, OP_DICT_UPDATE, 1);
                built = 1;
                pending = 0;
            }
            compile_expr(c, e->l2.items[i]);
            emit(c, OP_DICT_UPDATE, 1);
            continue;
        }
        compile_expr(c, k);
        compile_expr(c, e->l2.items[i]);
        pending++;
    }
    if (!built || pending) {
        emit(c, OP_BUILD_MAP, pending);
        if (built)
            emit(c, OP_DICT_UPDATE, 1);
    }
    return 0;
}

static int compare(Compiler *c, const AstNode *e)
{
    compile_expr(c, e->a);
    int n = e->l1.n;
    if (n == 1) {
        compile_expr(c, e->l1.items[0]);
        return emit(c, OP_COMPARE_OP, e->l2.items[0]->op);
    }
    int cleanup = new_label(c), end = new_label(c);
    for (int i = 0; i < n - 1; i++) {
        compile_expr(c, e->l1.items[i]);
        emit(c, OP_SWAP, 2);
        emit(c, OP_COPY, 2);
        emit(c, OP_COMPARE_OP, e->l2.items[i]->op);
        emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    compile_expr(c, e->l1.items[n - 1]);
    emit(c, OP_COMPARE_OP, e->l2.items[n - 1]->op);
    emit_jump(c, OP_JUMP, end);
    bind_label(c, cleanup);
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_TOP, 0);
    bind_label(c, end);
    return 0;
}

/* Arguments of a call whose callable (and NULL/self) are on the stack. */
int compile_call_args(Compiler *c, const AstList *args, const AstList *kws, int extra)
{
    int star = has_starred(args);
    for (int i = 0; i < kws->n; i++)
        if (!kws->items[i]->s)
            star = 1;
    if (!star) {
        for (int i = 0; i < args->n; i++)
            compile_expr(c, args->items[i]);
        if (kws->n) {
            MpObject *names = tuple_new(kws->n);
            if (!names)
                return c->failed = 1, -1;
            for (int i = 0; i < kws->n; i++) {
                compile_expr(c, kws->items[i]->a);
                MpObject *s = str_from_cstr(kws->items[i]->s);
                if (!s) {
                    mp_decref(names);
                    return c->failed = 1, -1;
                }
                ((MpTuple *)names)->items[i] = s;
            }
            emit(c, OP_KW_NAMES, add_const(c, names));
        }
        return emit(c, OP_CALL, extra + args->n + kws->n);
    }
    sequence(c, args, OP_BUILD_TUPLE, OP_LIST_EXTEND);
    if (!args->n || !has_starred(args)) { /* sequence() built a tuple already */ }
    int have_map = 0, pending = 0;
    for (int i = 0; i < kws->n; i++) {
        const AstNode *k = kws->items[i];
        if (!k->s) {
            if (!have_map || pending) {
                emit(c, OP_BUILD_MAP, pending);
                if (have_map)
                    emit(c, OP_DICT_MERGE, 1);
                have_map = 1;
                pending = 0;
            }
            compile_expr(c, k->a);
            emit(c, OP_DICT_MERGE, 1);
        } else {
            emit(c, OP_LOAD_CONST, add_const(c, str_from_cstr(k->s)));
            compile_expr(c, k->a);
            pending++;
        }
    }
    if (pending) {
        emit(c, OP_BUILD_MAP, pending);
        if (have_map)
            emit(c, OP_DICT_MERGE, 1);
        have_map = 1;
    }
    return emit(c, OP_CALL_FUNCTION_EX, have_map);
}

static int call(Compiler *c, const AstNode *e)
{
    const AstNode *f = e->a;
    if (f->kind == AST_Name && !strcmp(f->s, "super") && e->l1.n == 0 && e->l2.n == 0
        && c->u->st->type == BLOCK_FUNCTION && symtable_lookup(c->u->st, "__class__")) {
        /* zero-argument super(): super(__class__, <first argument>) */
        emit(c, OP_PUSH_NULL, 0);
        compile_name(c, "super", CTX_Load, f);
        compile_name(c, "__class__", CTX_Load, f);
        if (c->u->argcount == 0 && !(c->u->flags & MP_CO_VARARGS))
            return compile_error(c, e, "super(): no arguments"), -1;
        emit(c, OP_LOAD_FAST, 0);
        set_line(c, e);
        return emit(c, OP_CALL, 2);
    }
    if (f->kind == AST_Attribute && !has_starred(&e->l1)) {
        int plain = 1;
        for (int i = 0; i < e->l2.n; i++)
            if (!e->l2.items[i]->s)
                plain = 0;
        if (plain) {
            compile_expr(c, f->a);
            set_line(c, f);
            emit(c, OP_LOAD_METHOD, add_name(c, f->s));
            compile_call_args(c, &e->l1, &e->l2, 0);
            return 0;
        }
    }
    emit(c, OP_PUSH_NULL, 0);
    compile_expr(c, f);
    int saved = c->u->line;
    compile_call_args(c, &e->l1, &e->l2, 0);
    c->u->lines[c->u->n - 1] = saved > 0 ? e->line : saved;
    return 0;
}

static int joined_str(Compiler *c, const AstNode *e)
{
    for (int i = 0; i < e->l1.n; i++)
        compile_expr(c, e->l1.items[i]);
    if (e->l1.n == 1 && e->l1.items[0]->kind == AST_FormattedValue)
        return 0;
    return emit(c, OP_BUILD_STRING, e->l1.n);
}

static int formatted_value(Compiler *c, const AstNode *e)
{
    compile_expr(c, e->a);
    int conv = e->i == 's' ? 1 : e->i == 'r' ? 2 : e->i == 'a' ? 3 : 0;
    if (e->b) {
        compile_expr(c, e->b);
        conv |= 4;
    }
    return emit(c, OP_FORMAT_VALUE, conv);
}

static int subscript_key(Compiler *c, const AstNode *k)
{
    if (k->kind != AST_Slice)
        return compile_expr(c, k);
    const AstNode *parts[3] = { k->a, k->b, k->c };
    int n = k->c ? 3 : 2;
    for (int i = 0; i < n; i++) {
        if (parts[i])
            compile_expr(c, parts[i]);
        else
            emit(c, OP_LOAD_CONST, const_none(c));
    }
    return emit(c, OP_BUILD_SLICE, n);
}

int compile_expr(Compiler *c, const AstNode *e)
{
    if (c->failed)
        return -1;
    int saved_line = c->u->line;
    set_line(c, e);
    switch (e->kind) {
    case AST_Constant:
        emit(c, OP_LOAD_CONST, add_const(c, const_object(e)));
        break;
    case AST_Name:
        compile_name(c, e->s, CTX_Load, e);
        break;
    case AST_BinOp: {
        MpObject *k = fold_const(e);
        if (k) {
            emit(c, OP_LOAD_CONST, add_const(c, k));
            break;
        }
        compile_expr(c, e->a);
        compile_expr(c, e->b);
        set_line(c, e);
        emit(c, OP_BINARY_OP, e->op);
        break;
    }
    case AST_UnaryOp: {
        MpObject *k = fold_const(e);
        if (k) {
            emit(c, OP_LOAD_CONST, add_const(c, k));
            break;
        }
        compile_expr(c, e->a);
        emit(c, OP_UNARY_OP, e->op);
        break;
    }
    case AST_BoolOp: {
        int end = new_label(c);
        for (int i = 0; i < e->l1.n; i++) {
            compile_expr(c, e->l1.items[i]);
            if (i < e->l1.n - 1)
                emit_jump(c, e->op == OPK_And ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, end);
        }
        bind_label(c, end);
        break;
    }
    case AST_Compare:
        compare(c, e);
        break;
    case AST_IfExp: {
        int orelse = new_label(c), end = new_label(c);
        compile_expr(c, e->a);
        emit_jump(c, OP_POP_JUMP_IF_FALSE, orelse);
        compile_expr(c, e->b);
        emit_jump(c, OP_JUMP, end);
        bind_label(c, orelse);
        c->u->depth--;
        compile_expr(c, e->c);
        bind_label(c, end);
        break;
    }
    case AST_Call:
        call(c, e);
        break;
    case AST_Attribute:
        compile_expr(c, e->a);
        set_line(c, e);
        emit(c, OP_LOAD_ATTR, add_name(c, e->s));
        break;
    case AST_Subscript:
        compile_expr(c, e->a);
        subscript_key(c, e->b);
        set_line(c, e);
        emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case AST_Slice:
        subscript_key(c, e);
        break;
    case AST_List: sequence(c, &e->l1, OP_BUILD_LIST, OP_LIST_EXTEND); break;
    case AST_Tuple: sequence(c, &e->l1, OP_BUILD_TUPLE, OP_LIST_EXTEND); break;
    case AST_Set: sequence(c, &e->l1, OP_BUILD_SET, OP_SET_UPDATE); break;
    case AST_Dict: dict_display(c, e); break;
    case AST_ListComp: case AST_SetComp: case AST_DictComp: case AST_GeneratorExp:
        compile_comprehension(c, e);
        break;
    case AST_Lambda:
        compile_scope_function(c, e, "<lambda>", e->a, 1);
        break;
    case AST_JoinedStr: joined_str(c, e); break;
    case AST_FormattedValue: formatted_value(c, e); break;
    case AST_NamedExpr:
        compile_expr(c, e->b);
        emit(c, OP_COPY, 1);
        compile_store(c, e->a);
        break;
    case AST_Yield:
        if (c->u->st->type != BLOCK_FUNCTION)
            return compile_error(c, e, "'yield' outside function"), -1;
        if (e->a)
            compile_expr(c, e->a);
        else
            emit(c, OP_LOAD_CONST, const_none(c));
        emit(c, OP_YIELD_VALUE, 0);
        break;
    case AST_YieldFrom: {
        if (c->u->st->type != BLOCK_FUNCTION)
            return compile_error(c, e, "'yield' outside function"), -1;
        int start = new_label(c), end = new_label(c);
        compile_expr(c, e->a);
        emit(c, OP_GET_YIELD_FROM_ITER, 0);
        emit(c, OP_LOAD_CONST, const_none(c));
        bind_label(c, start);
        emit_jump(c, OP_SEND, end);        /* [iter, v] -> [iter, yielded] or jump [result] */
        emit(c, OP_YIELD_VALUE, 0);
        emit_jump(c, OP_JUMP, start);
        bind_label(c, end);
        break;
    }
    case AST_Starred:
        return compile_error(c, e, "can't use starred expression here"), -1;
    default:
        return compile_error(c, e, "expression not supported by memplay"), -1;
    }
    c->u->line = saved_line;
    return c->failed ? -1 : 0;
}

static int unpack(Compiler *c, const AstNode *t)
{
    const AstList *elts = &t->l1;
    int star = -1;
    for (int i = 0; i < elts->n; i++)
        if (elts->items[i]->kind == AST_Starred) {
            if (star >= 0)
                return compile_error(c, elts->items[i], "multiple starred expressions in assignment"), -1;
            star = i;
        }
    if (star < 0)
        emit(c, OP_UNPACK_SEQUENCE, elts->n);
    else
        emit(c, OP_UNPACK_EX, star | ((elts->n - star - 1) << 8));
    for (int i = 0; i < elts->n; i++) {
        const AstNode *el = elts->items[i];
        compile_store(c, el->kind == AST_Starred ? el->a : el);
    }
    return 0;
}

int compile_store(Compiler *c, const AstNode *t)
{
    switch (t->kind) {
    case AST_Name: return compile_name(c, t->s, CTX_Store, t);
    case AST_Attribute:
        compile_expr(c, t->a);
        set_line(c, t);
        return emit(c, OP_STORE_ATTR, add_name(c, t->s));
    case AST_Subscript:
        compile_expr(c, t->a);
        subscript_key(c, t->b);
        set_line(c, t);
        return emit(c, OP_STORE_SUBSCR, 0);
    case AST_Tuple: case AST_List: return unpack(c, t);
    case AST_Starred:
        return compile_error(c, t, "starred assignment target must be in a list or tuple"), -1;
    default:
        return compile_error(c, t, "cannot assign to expression"), -1;
    }
}

int compile_delete(Compiler *c, const AstNode *t)
{
    set_line(c, t);
    switch (t->kind) {
    case AST_Name: return compile_name(c, t->s, CTX_Del, t);
    case AST_Attribute:
        compile_expr(c, t->a);
        return emit(c, OP_DELETE_ATTR, add_name(c, t->s));
    case AST_Subscript:
        compile_expr(c, t->a);
        subscript_key(c, t->b);
        return emit(c, OP_DELETE_SUBSCR, 0);
    case AST_Tuple: case AST_List:
        for (int i = 0; i < t->l1.n; i++)
            compile_delete(c, t->l1.items[i]);
        return 0;
    default:
        return compile_error(c, t, "cannot delete expression"), -1;
    }
}
