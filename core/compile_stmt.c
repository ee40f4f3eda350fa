/* compile_stmt.c — statements: assignments, control flow, loops, try,
 * with, raise, def/class, imports; and the unwinding that return, break
 * and continue do through enclosing loops, handlers and finally blocks. */
#include <string.h>
#include "compile_int.h"
#include "str.h"
#include "tuple.h"
#include "err.h"

static int push_fb(Compiler *c, FbKind kind, int start, int exit, const AstNode *node)
{
    Unit *u = c->u;
    if (u->nfb >= (int)(sizeof u->fb / sizeof u->fb[0]))
        return compile_error(c, node, "too many statically nested blocks"), -1;
    Fblock *f = &u->fb[u->nfb++];
    f->kind = kind;
    f->start_label = start;
    f->exit_label = exit;
    f->node = node;
    f->saved_handler = u->cur_handler;
    return 0;
}

static void pop_fb(Compiler *c) { c->u->nfb--; }

static void clear_name(Compiler *c, const AstNode *h)
{
    if (h && h->s) {
        emit(c, OP_LOAD_CONST, const_none(c));
        compile_name(c, h->s, CTX_Store, h);
        compile_name(c, h->s, CTX_Del, h);
    }
}

/* Leaves one block on the way out of return/break/continue.  With
 * `preserve`, a value sits on top of the stack and must stay there. */
static void unwind_fb(Compiler *c, Fblock *f, int index, int preserve)
{
    switch (f->kind) {
    case FB_LOOP:
        break;
    case FB_FOR_LOOP:
        if (preserve)
            emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0);
        break;
    case FB_TRY_FINALLY: {
        int nfb = c->u->nfb;
        set_handler(c, f->saved_handler);
        c->u->nfb = index;   /* the finally body runs outside its own block */
        compile_body(c, &f->node->l4);
        c->u->nfb = nfb;
        break;
    }
    case FB_FINALLY_END:
        if (preserve)
            emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0);          /* the exception */
        if (preserve)
            emit(c, OP_SWAP, 2);
        emit(c, OP_POP_EXCEPT, 0);
        break;
    case FB_HANDLER:
        if (preserve)
            emit(c, OP_SWAP, 2);
        emit(c, OP_POP_EXCEPT, 0);
        clear_name(c, f->node);
        break;
    case FB_WITH:
        if (preserve)
            emit(c, OP_SWAP, 2);
        set_handler(c, f->saved_handler);
        emit(c, OP_WITH_EXIT, 0);
        break;
    }
    set_handler(c, f->saved_handler);
}

/* Unwinds every block (return) or up to the innermost loop (break/continue). */
static Fblock *unwind(Compiler *c, int to_loop, int preserve)
{
    Unit *u = c->u;
    for (int i = u->nfb - 1; i >= 0; i--) {
        Fblock *f = &u->fb[i];
        if (to_loop && (f->kind == FB_LOOP || f->kind == FB_FOR_LOOP))
            return f;
        unwind_fb(c, f, i, preserve);
    }
    return NULL;
}

static int stmt_return(Compiler *c, const AstNode *s)
{
    if (c->u->st->type != BLOCK_FUNCTION || (c->u->flags & MP_CO_CLASSBODY))
        return compile_error(c, s, "'return' outside function"), -1;
    if (s->a)
        compile_expr(c, s->a);
    else
        emit(c, OP_LOAD_CONST, const_none(c));
    int saved = c->u->cur_handler, nfb = c->u->nfb;
    unwind(c, 0, 1);
    emit(c, OP_RETURN_VALUE, 0);
    c->u->cur_handler = saved;
    c->u->nfb = nfb;
    return 0;
}

static int stmt_break_continue(Compiler *c, const AstNode *s, int is_break)
{
    int saved = c->u->cur_handler, depth = c->u->depth;
    Fblock *loop = unwind(c, 1, 0);
    if (!loop)
        return compile_error(c, s, is_break ? "'break' outside loop" : "'continue' not properly in loop"), -1;
    if (is_break) {
        if (loop->kind == FB_FOR_LOOP)
            emit(c, OP_POP_TOP, 0);
        emit_jump(c, OP_JUMP, loop->exit_label);
    } else {
        emit_jump(c, OP_JUMP, loop->start_label);
    }
    c->u->cur_handler = saved;
    c->u->depth = depth;
    return 0;
}

static int stmt_if(Compiler *c, const AstNode *s)
{
    int orelse = new_label(c), end = new_label(c);
    compile_expr(c, s->a);
    emit_jump(c, OP_POP_JUMP_IF_FALSE, s->l2.n ? orelse : end);
    compile_body(c, &s->l1);
    if (s->l2.n) {
        emit_jump(c, OP_JUMP, end);
        bind_label(c, orelse);
        compile_body(c, &s->l2);
    }
    bind_label(c, end);
    return 0;
}

static int stmt_while(Compiler *c, const AstNode *s)
{
    int start = new_label(c), orelse = new_label(c), end = new_label(c);
    bind_label(c, start);
    compile_expr(c, s->a);
    emit_jump(c, OP_POP_JUMP_IF_FALSE, orelse);
    push_fb(c, FB_LOOP, start, end, s);
    compile_body(c, &s->l1);
    pop_fb(c);
    set_line(c, s);
    emit_jump(c, OP_JUMP, start);
    bind_label(c, orelse);
    compile_body(c, &s->l2);
    bind_label(c, end);
    return 0;
}

static int stmt_for(Compiler *c, const AstNode *s)
{
    int start = new_label(c), cleanup = new_label(c), end = new_label(c);
    compile_expr(c, s->b);
    emit(c, OP_GET_ITER, 0);
    bind_label(c, start);
    set_line(c, s);
    emit_jump(c, OP_FOR_ITER, cleanup);
    push_fb(c, FB_FOR_LOOP, start, end, s);
    compile_store(c, s->a);
    compile_body(c, &s->l1);
    pop_fb(c);
    set_line(c, s);
    emit_jump(c, OP_JUMP, start);
    bind_label(c, cleanup);
    compile_body(c, &s->l2);
    bind_label(c, end);
    return 0;
}

static int stmt_try_except(Compiler *c, const AstNode *s)
{
    Unit *u = c->u;
    int handler = new_label(c), cleanup = new_label(c), orelse = new_label(c), end = new_label(c);
    int outer = u->cur_handler, d = u->depth;
    int h = new_handler(c, handler, d);
    int hc = new_handler(c, cleanup, d + 1);
    set_handler(c, h);
    compile_body(c, &s->l1);
    set_handler(c, outer);
    emit_jump(c, OP_JUMP, orelse);

    bind_label(c, handler);
    u->depth = d + 1;
    set_handler(c, hc);
    emit(c, OP_PUSH_EXC_INFO, 0);
    for (int i = 0; i < s->l2.n; i++) {
        const AstNode *hn = s->l2.items[i];
        set_line(c, hn);
        int next = new_label(c);
        if (!hn->a && i != s->l2.n - 1)
            return compile_error(c, hn, "default 'except:' must be last"), -1;
        if (hn->a) {
            compile_expr(c, hn->a);
            emit(c, OP_CHECK_EXC_MATCH, 0);
            emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        int named_cleanup = -1;
        if (hn->s) {
            compile_name(c, hn->s, CTX_Store, hn);
            named_cleanup = new_label(c);
            set_handler(c, new_handler(c, named_cleanup, d + 1));
        } else {
            emit(c, OP_POP_TOP, 0);
        }
        push_fb(c, FB_HANDLER, 0, 0, hn->s ? hn : NULL);
        c->u->fb[c->u->nfb - 1].saved_handler = outer;
        compile_body(c, &hn->l1);
        pop_fb(c);
        set_handler(c, outer);
        emit(c, OP_POP_EXCEPT, 0);
        clear_name(c, hn->s ? hn : NULL);
        emit_jump(c, OP_JUMP, end);
        if (named_cleanup >= 0) {
            bind_label(c, named_cleanup);
            clear_name(c, hn);
            emit(c, OP_EXC_CLEANUP, 0);
        }
        set_handler(c, hc);
        bind_label(c, next);
        u->depth = d + 2;
    }
    emit(c, OP_RERAISE, 0);
    bind_label(c, cleanup);
    set_handler(c, outer);
    emit(c, OP_EXC_CLEANUP, 0);
    bind_label(c, orelse);
    u->depth = d;
    compile_body(c, &s->l3);
    bind_label(c, end);
    u->depth = d;
    return 0;
}

static int stmt_try_finally(Compiler *c, const AstNode *s)
{
    Unit *u = c->u;
    int handler = new_label(c), cleanup = new_label(c), end = new_label(c);
    int outer = u->cur_handler, d = u->depth;
    int h = new_handler(c, handler, d);
    int hc = new_handler(c, cleanup, d + 1);
    set_handler(c, h);
    push_fb(c, FB_TRY_FINALLY, 0, 0, s);
    c->u->fb[c->u->nfb - 1].saved_handler = outer;
    if (s->l2.n)
        stmt_try_except(c, s);
    else
        compile_body(c, &s->l1);
    pop_fb(c);
    set_handler(c, outer);
    compile_body(c, &s->l4);
    emit_jump(c, OP_JUMP, end);

    bind_label(c, handler);
    u->depth = d + 1;
    set_handler(c, hc);
    emit(c, OP_PUSH_EXC_INFO, 0);
    push_fb(c, FB_FINALLY_END, 0, 0, s);
    c->u->fb[c->u->nfb - 1].saved_handler = outer;
    compile_body(c, &s->l4);
    pop_fb(c);
    emit(c, OP_RERAISE, 0);
    bind_label(c, cleanup);
    set_handler(c, outer);
    emit(c, OP_EXC_CLEANUP, 0);
    bind_label(c, end);
    u->depth = d;
    return 0;
}

static int with_items(Compiler *c, const AstNode *s, int k)
{
    Unit *u = c->u;
    if (k == s->l1.n)
        return compile_body(c, &s->l2);
    const AstNode *item = s->l1.items[k];
    int handler = new_label(c), cleanup = new_label(c), suppress = new_label(c), end = new_label(c);
    compile_expr(c, item->a);
    set_line(c, s);
    emit(c, OP_BEFORE_WITH, 0);
    int outer = u->cur_handler, d = u->depth - 1;   /* [exit] at depth d */
    int h = new_handler(c, handler, d);
    int hc = new_handler(c, cleanup, d + 1);
    set_handler(c, h);
    if (item->b)
        compile_store(c, item->b);
    else
        emit(c, OP_POP_TOP, 0);
    push_fb(c, FB_WITH, 0, 0, s);
    c->u->fb[c->u->nfb - 1].saved_handler = outer;
    with_items(c, s, k + 1);
    pop_fb(c);
    set_handler(c, outer);
    set_line(c, s);
    emit(c, OP_WITH_EXIT, 0);
    emit_jump(c, OP_JUMP, end);

    bind_label(c, handler);          /* [exit, exc] */
    u->depth = d + 1;
    set_handler(c, hc);
    emit(c, OP_PUSH_EXC_INFO, 0);    /* [exit, prev, exc] */
    emit(c, OP_WITH_EXCEPT_START, 0);/* [exit, prev, exc, res] */
    emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    emit(c, OP_RERAISE, 0);
    bind_label(c, suppress);
    u->depth = d + 2;
    set_handler(c, outer);
    emit(c, OP_POP_TOP, 0);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_POP_TOP, 0);
    emit_jump(c, OP_JUMP, end);
    bind_label(c, cleanup);          /* [exit, prev, exc2] */
    u->depth = d + 2;
    emit(c, OP_EXC_CLEANUP, 0);
    bind_label(c, end);
    u->depth = d - 1;   /* as before the item */
    return 0;
}

static int stmt_raise(Compiler *c, const AstNode *s)
{
    int n = 0;
    if (s->a) {
        compile_expr(c, s->a);
        n = 1;
        if (s->b) {
            compile_expr(c, s->b);
            n = 2;
        }
    }
    return emit(c, OP_RAISE, n);
}

static int stmt_assert(Compiler *c, const AstNode *s)
{
    int end = new_label(c);
    compile_expr(c, s->a);
    emit_jump(c, OP_POP_JUMP_IF_TRUE, end);
    if (s->b) {
        emit(c, OP_PUSH_NULL, 0);
        emit(c, OP_LOAD_ASSERTION_ERROR, 0);
        compile_expr(c, s->b);
        emit(c, OP_CALL, 1);
    } else {
        emit(c, OP_LOAD_ASSERTION_ERROR, 0);
    }
    emit(c, OP_RAISE, 1);
    bind_label(c, end);
    return 0;
}

static int decorators_then(Compiler *c, const AstList *decs)
{
    for (int i = 0; i < decs->n; i++) {
        emit(c, OP_PUSH_NULL, 0);
        compile_expr(c, decs->items[i]);
    }
    return 0;
}

static void apply_decorators(Compiler *c, const AstList *decs)
{
    for (int i = 0; i < decs->n; i++)
        emit(c, OP_CALL, 1);
}

static int stmt_def(Compiler *c, const AstNode *s)
{
    decorators_then(c, &s->l2);
    set_line(c, s);
    if (compile_scope_function(c, s, s->s, s->a, 0) < 0)
        return -1;
    apply_decorators(c, &s->l2);
    return compile_name(c, s->s, CTX_Store, s);
}

static int stmt_class(Compiler *c, const AstNode *s)
{
    decorators_then(c, &s->l4);
    set_line(c, s);
    if (s->l2.n)
        return compile_error(c, s, "class keywords are not supported by memplay"), -1;
    if (compile_class(c, s) < 0)
        return -1;
    emit(c, OP_LOAD_CONST, add_const(c, str_from_cstr(s->s)));
    for (int i = 0; i < s->l1.n; i++)
        compile_expr(c, s->l1.items[i]);
    emit(c, OP_BUILD_TUPLE, s->l1.n);
    emit(c, OP_BUILD_CLASS, 0);
    apply_decorators(c, &s->l4);
    return compile_name(c, s->s, CTX_Store, s);
}

static int stmt_import(Compiler *c, const AstNode *s)
{
    for (int i = 0; i < s->l1.n; i++) {
        const AstNode *a = s->l1.items[i];
        if (strchr(a->s, '.'))
            return compile_error(c, s, "dotted imports are not supported by memplay"), -1;
        emit(c, OP_IMPORT_NAME, add_name(c, a->s));
        compile_name(c, a->s2 ? a->s2 : a->s, CTX_Store, s);
    }
    return 0;
}

static int stmt_import_from(Compiler *c, const AstNode *s)
{
    if (s->i > 0 || !s->s)
        return compile_error(c, s, "relative imports are not supported by memplay"), -1;
    emit(c, OP_IMPORT_NAME, add_name(c, s->s));
    for (int i = 0; i < s->l1.n; i++) {
        const AstNode *a = s->l1.items[i];
        emit(c, OP_IMPORT_FROM, add_name(c, a->s));
        compile_name(c, a->s2 ? a->s2 : a->s, CTX_Store, s);
    }
    return emit(c, OP_POP_TOP, 0);
}

static int stmt_augassign(Compiler *c, const AstNode *s)
{
    const AstNode *t = s->a;
    switch (t->kind) {
    case AST_Name:
        compile_name(c, t->s, CTX_Load, t);
        compile_expr(c, s->b);
        set_line(c, s);
        emit(c, OP_INPLACE_OP, s->op);
        return compile_name(c, t->s, CTX_Store, t);
    case AST_Attribute:
        compile_expr(c, t->a);
        emit(c, OP_COPY, 1);
        emit(c, OP_LOAD_ATTR, add_name(c, t->s));
        compile_expr(c, s->b);
        set_line(c, s);
        emit(c, OP_INPLACE_OP, s->op);
        emit(c, OP_SWAP, 2);
        return emit(c, OP_STORE_ATTR, add_name(c, t->s));
    case AST_Subscript:
        compile_expr(c, t->a);
        compile_expr(c, t->b);
        emit(c, OP_COPY, 2);
        emit(c, OP_COPY, 2);
        emit(c, OP_BINARY_SUBSCR, 0);
        compile_expr(c, s->b);
        set_line(c, s);
        emit(c, OP_INPLACE_OP, s->op);
        emit(c, OP_SWAP, 3);
        emit(c, OP_SWAP, 2);
        return emit(c, OP_STORE_SUBSCR, 0);
    default:
        return compile_error(c, t, "illegal expression for augmented assignment"), -1;
    }
}

int compile_stmt(Compiler *c, const AstNode *s)
{
    if (c->failed)
        return -1;
    set_line(c, s);
    switch (s->kind) {
    case AST_Expr:
        compile_expr(c, s->a);
        return emit(c, OP_POP_TOP, 0);
    case AST_Assign:
        compile_expr(c, s->a);
        for (int i = 0; i < s->l1.n; i++) {
            if (i < s->l1.n - 1)
                emit(c, OP_COPY, 1);
            compile_store(c, s->l1.items[i]);
        }
        return 0;
    case AST_AnnAssign:
        if (s->c) {
            compile_expr(c, s->c);
            compile_store(c, s->a);
        }
        return 0;
    case AST_AugAssign: return stmt_augassign(c, s);
    case AST_Delete:
        for (int i = 0; i < s->l1.n; i++)
            compile_delete(c, s->l1.items[i]);
        return 0;
    case AST_Pass: case AST_Global: case AST_Nonlocal:
        return emit(c, OP_NOP, 0);
    case AST_If: return stmt_if(c, s);
    case AST_While: return stmt_while(c, s);
    case AST_For: return stmt_for(c, s);
    case AST_Break: return stmt_break_continue(c, s, 1);
    case AST_Continue: return stmt_break_continue(c, s, 0);
    case AST_Return: return stmt_return(c, s);
    case AST_Try: return s->l4.n ? stmt_try_finally(c, s) : stmt_try_except(c, s);
    case AST_With: return with_items(c, s, 0);
    case AST_Raise: return stmt_raise(c, s);
    case AST_Assert: return stmt_assert(c, s);
    case AST_FunctionDef: return stmt_def(c, s);
    case AST_ClassDef: return stmt_class(c, s);
    case AST_Import: return stmt_import(c, s);
    case AST_ImportFrom: return stmt_import_from(c, s);
    default:
        return compile_error(c, s, "statement not supported by memplay"), -1;
    }
}

int compile_body(Compiler *c, const AstList *body)
{
    for (int i = 0; i < body->n && !c->failed; i++)
        compile_stmt(c, body->items[i]);
    return c->failed ? -1 : 0;
}
