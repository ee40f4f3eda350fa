/* symtable.c — building and analysing symbol tables (see symtable.h).
 * Pass 1 visits the tree in CPython's order and records flags; pass 2
 * (analyze_block) decides each name's scope, from the module down. */
#include <stdio.h>
#include <string.h>
#include "symtable.h"

typedef struct St {
    AstArena *ar;
    ParseError *err;
    SymTable *top, *cur;
    int failed;
} St;

static int fail(St *st, int line, int col, const char *fmt, const char *name)
{
    if (!st->failed) {
        st->failed = 1;
        st->err->type = "SyntaxError";
        snprintf(st->err->msg, sizeof st->err->msg, fmt, name);
        st->err->line = line;
        st->err->col = col + 1;
    }
    return -1;
}

static int oom(St *st) { return fail(st, 0, 0, "%s", "out of memory in the symbol table"); }

const Symbol *symtable_lookup(const SymTable *t, const char *name)
{
    for (int i = 0; i < t->nsyms; i++)
        if (!strcmp(t->syms[i].name, name))
            return &t->syms[i];
    return NULL;
}

static Symbol *lookup_mut(SymTable *t, const char *name) { return (Symbol *)symtable_lookup(t, name); }

static Symbol *add_symbol(AstArena *ar, SymTable *t, const char *name)
{
    if (t->nsyms == t->cap) {
        int cap = t->cap ? t->cap * 2 : 8;
        Symbol *s = ast_alloc(ar, (size_t)cap * sizeof *s);
        if (!s)
            return NULL;
        if (t->nsyms)
            memcpy(s, t->syms, (size_t)t->nsyms * sizeof *s);
        t->syms = s;
        t->cap = cap;
    }
    Symbol *s = &t->syms[t->nsyms++];
    s->name = name;
    s->flags = 0;
    s->scope = SYM_NONE;
    s->line = 0;
    return s;
}

static int enter_block(St *st, const char *name, SymBlockType type, const AstNode *node, int line)
{
    SymTable *t = ast_alloc(st->ar, sizeof *t);
    if (!t)
        return oom(st);
    t->type = type;
    t->name = name;
    t->line = line;
    t->node = node;
    t->parent = st->cur;
    if (st->cur) {
        SymTable *p = st->cur;
        t->nested = p->nested || p->type == BLOCK_FUNCTION;
        if (p->nchildren == p->ccap) {
            int cap = p->ccap ? p->ccap * 2 : 4;
            SymTable **c = ast_alloc(st->ar, (size_t)cap * sizeof *c);
            if (!c)
                return oom(st);
            if (p->nchildren)
                memcpy(c, p->children, (size_t)p->nchildren * sizeof *c);
            p->children = c;
            p->ccap = cap;
        }
        p->children[p->nchildren++] = t;
    } else {
        st->top = t;
    }
    st->cur = t;
    return 0;
}

static void exit_block(St *st) { st->cur = st->cur->parent; }

/* symtable_add_def_helper */
static int add_def(St *st, const char *name, int flag, int line, int col)
{
    SymTable *t = st->cur;
    Symbol *s = lookup_mut(t, name);
    if (!s && !(s = add_symbol(st->ar, t, name)))
        return oom(st);
    if ((flag & SYM_DEF_PARAM) && (s->flags & SYM_DEF_PARAM))
        return fail(st, line, col, "duplicate argument '%s' in function definition", name);
    s->flags |= flag;
    if ((flag & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) && !s->line)
        s->line = line;
    if (t->comp_iter_target) {
        if (s->flags & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL))
            return fail(st, line, col, "comprehension inner loop cannot rebind assignment expression target '%s'", name);
        s->flags |= SYM_DEF_COMP_ITER;
    }
    if (flag & SYM_DEF_GLOBAL) {
        /* global declarations are recorded in the module's table too */
        Symbol *g = lookup_mut(st->top, name);
        if (!g && !(g = add_symbol(st->ar, st->top, name)))
            return oom(st);
        g->flags |= flag;
    }
    return 0;
}

/* ---- pass 1 ---------------------------------------------------------------------- */

static int visit_expr(St *st, const AstNode *e);
static int visit_stmt(St *st, const AstNode *s);

static int visit_exprs(St *st, const AstList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i] && visit_expr(st, l->items[i]) < 0)
            return -1;
    return 0;
}

static int visit_stmts(St *st, const AstList *l)
{
    for (int i = 0; i < l->n; i++)
        if (visit_stmt(st, l->items[i]) < 0)
            return -1;
    return 0;
}

static int visit_opt(St *st, const AstNode *e) { return e ? visit_expr(st, e) : 0; }

static int visit_params(St *st, const AstList *l)
{
    for (int i = 0; i < l->n; i++)
        if (add_def(st, l->items[i]->s, SYM_DEF_PARAM, l->items[i]->line, l->items[i]->col) < 0)
            return -1;
    return 0;
}

/* symtable_visit_arguments: positional-only, positional, keyword-only, then
 * *args and **kwargs */
static int visit_arguments(St *st, const AstNode *a)
{
    if (visit_params(st, &a->l1) < 0 || visit_params(st, &a->l2) < 0 || visit_params(st, &a->l3) < 0)
        return -1;
    if (a->a && add_def(st, a->a->s, SYM_DEF_PARAM, a->a->line, a->a->col) < 0)
        return -1;
    if (a->b && add_def(st, a->b->s, SYM_DEF_PARAM, a->b->line, a->b->col) < 0)
        return -1;
    return 0;
}

static int visit_annotations_of(St *st, const AstList *l)
{
    for (int i = 0; i < l->n; i++)
        if (visit_opt(st, l->items[i]->a) < 0)
            return -1;
    return 0;
}

static int visit_annotations(St *st, const AstNode *a, const AstNode *returns)
{
    if (visit_annotations_of(st, &a->l1) < 0 || visit_annotations_of(st, &a->l2) < 0)
        return -1;
    if (a->a && visit_opt(st, a->a->a) < 0)
        return -1;
    if (visit_annotations_of(st, &a->l3) < 0)
        return -1;
    if (a->b && visit_opt(st, a->b->a) < 0)
        return -1;
    return visit_opt(st, returns);
}

static int visit_comprehension_tail(St *st, const AstNode *c)
{
    st->cur->comp_iter_target = 1;
    int rc = visit_expr(st, c->a);
    st->cur->comp_iter_target = 0;
    if (rc < 0)
        return -1;
    st->cur->comp_iter_expr++;
    rc = visit_expr(st, c->b);
    st->cur->comp_iter_expr--;
    return rc < 0 ? -1 : visit_exprs(st, &c->l1);
}

static int handle_comprehension(St *st, const AstNode *e, const char *name,
                                const AstNode *elt, const AstNode *value)
{
    const AstList *gens = &e->l1;
    const AstNode *outer = gens->items[0];
    st->cur->comp_iter_expr++;
    int rc = visit_expr(st, outer->b);     /* the outermost iterable: here */
    st->cur->comp_iter_expr--;
    if (rc < 0 || enter_block(st, name, BLOCK_FUNCTION, e, e->line) < 0)
        return -1;
    if (e->kind == AST_GeneratorExp)
        st->cur->generator = 1;
    if (add_def(st, ".0", SYM_DEF_PARAM, e->line, e->col) < 0)
        return -1;
    st->cur->comp_iter_target = 1;
    rc = visit_expr(st, outer->a);
    st->cur->comp_iter_target = 0;
    if (rc < 0 || visit_exprs(st, &outer->l1) < 0)
        return -1;
    for (int i = 1; i < gens->n; i++)
        if (visit_comprehension_tail(st, gens->items[i]) < 0)
            return -1;
    if (value && visit_expr(st, value) < 0)
        return -1;
    if (visit_expr(st, elt) < 0)
        return -1;
    exit_block(st);
    return 0;
}

static int is_comprehension(const SymTable *t)
{
    return t->node && (t->node->kind == AST_ListComp || t->node->kind == AST_SetComp
                       || t->node->kind == AST_DictComp || t->node->kind == AST_GeneratorExp);
}

/* An assignment expression inside a comprehension binds in the nearest
 * enclosing function (nonlocal there) or the module (global): CPython's
 * symtable_extend_namedexpr_scope. */
static int extend_namedexpr_scope(St *st, const AstNode *e)
{
    const char *target = e->a->s;
    const Symbol *s = symtable_lookup(st->cur, target);
    if (s && (s->flags & SYM_DEF_COMP_ITER))
        return fail(st, e->line, e->col, "assignment expression cannot rebind comprehension iteration variable '%s'", target);
    SymTable *t = st->cur;
    while (is_comprehension(t))
        t = t->parent;
    if (t->type == BLOCK_CLASS)
        return fail(st, e->line, e->col, "%s", "assignment expression within a comprehension cannot be used in a class body");
    if (t->type == BLOCK_FUNCTION) {
        const Symbol *in = symtable_lookup(t, target);
        if (add_def(st, target, in && (in->flags & SYM_DEF_GLOBAL) ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL,
                    e->line, e->col) < 0)
            return -1;
        SymTable *save = st->cur;
        st->cur = t;
        int rc = add_def(st, target, SYM_DEF_LOCAL, e->line, e->col);
        st->cur = save;
        return rc;
    }
    return add_def(st, target, SYM_DEF_GLOBAL, e->line, e->col);   /* recorded in the module too */
}

static int handle_namedexpr(St *st, const AstNode *e)
{
    if (st->cur->comp_iter_expr > 0)
        return fail(st, e->line, e->col, "%s", "assignment expression cannot be used in a comprehension iterable expression");
    if (is_comprehension(st->cur) && extend_namedexpr_scope(st, e) < 0)
        return -1;
    return visit_expr(st, e->b) < 0 ? -1 : visit_expr(st, e->a);
}

static int visit_expr(St *st, const AstNode *e)
{
    switch (e->kind) {
    case AST_NamedExpr: return handle_namedexpr(st, e);
    case AST_BoolOp: case AST_Set: case AST_JoinedStr: return visit_exprs(st, &e->l1);
    case AST_List: case AST_Tuple: return visit_exprs(st, &e->l1);
    case AST_BinOp: return visit_expr(st, e->a) < 0 ? -1 : visit_expr(st, e->b);
    case AST_UnaryOp: case AST_Attribute: case AST_Starred: return visit_expr(st, e->a);
    case AST_Lambda:
        if (visit_exprs(st, &e->a->l5) < 0 || visit_exprs(st, &e->a->l4) < 0)
            return -1;
        if (enter_block(st, "lambda", BLOCK_FUNCTION, e, e->line) < 0 || visit_arguments(st, e->a) < 0
            || visit_expr(st, e->b) < 0)
            return -1;
        exit_block(st);
        return 0;
    case AST_IfExp:
        return visit_expr(st, e->a) < 0 || visit_expr(st, e->b) < 0 ? -1 : visit_expr(st, e->c);
    case AST_Dict: return visit_exprs(st, &e->l1) < 0 ? -1 : visit_exprs(st, &e->l2);
    case AST_ListComp: return handle_comprehension(st, e, "listcomp", e->a, NULL);
    case AST_SetComp: return handle_comprehension(st, e, "setcomp", e->a, NULL);
    case AST_GeneratorExp: return handle_comprehension(st, e, "genexpr", e->a, NULL);
    case AST_DictComp: return handle_comprehension(st, e, "dictcomp", e->a, e->b);
    case AST_Yield: case AST_YieldFrom:
        st->cur->generator = 1;
        return visit_opt(st, e->a);
    case AST_Compare: return visit_expr(st, e->a) < 0 ? -1 : visit_exprs(st, &e->l1);
    case AST_Call:
        if (visit_expr(st, e->a) < 0 || visit_exprs(st, &e->l1) < 0)
            return -1;
        for (int i = 0; i < e->l2.n; i++)
            if (visit_expr(st, e->l2.items[i]->a) < 0)
                return -1;
        return 0;
    case AST_FormattedValue: return visit_expr(st, e->a) < 0 ? -1 : visit_opt(st, e->b);
    case AST_Subscript: return visit_expr(st, e->a) < 0 ? -1 : visit_expr(st, e->b);
    case AST_Slice:
        return visit_opt(st, e->a) < 0 || visit_opt(st, e->b) < 0 ? -1 : visit_opt(st, e->c);
    case AST_Name:
        if (add_def(st, e->s, e->ctx == CTX_Load ? SYM_USE : SYM_DEF_LOCAL, e->line, e->col) < 0)
            return -1;
        if (e->ctx == CTX_Load && st->cur->type == BLOCK_FUNCTION && !strcmp(e->s, "super"))
            return add_def(st, "__class__", SYM_USE, e->line, e->col);
        return 0;
    case AST_Constant: return 0;
    default: return 0;
    }
}

static int visit_alias(St *st, const AstNode *a)
{
    const char *name = a->s2;
    if (!name) {
        const char *dot = strchr(a->s, '.');
        name = dot ? ast_strdup(st->ar, a->s, (size_t)(dot - a->s)) : a->s;
        if (!name)
            return oom(st);
    }
    return add_def(st, name, SYM_DEF_IMPORT, a->line, a->col);
}

static int declare(St *st, const AstNode *s, int global)
{
    for (int i = 0; i < s->l1.n; i++) {
        const char *name = s->l1.items[i]->s;
        const Symbol *cur = symtable_lookup(st->cur, name);
        int flags = cur ? cur->flags : 0;
        const char *what = global ? "global" : "nonlocal";
        char fmt[120];
        if (flags & (SYM_DEF_PARAM | SYM_DEF_LOCAL | SYM_USE | SYM_DEF_ANNOT)) {
            const char *why = (flags & SYM_DEF_PARAM) ? "name '%%s' is parameter and %s"
                            : (flags & SYM_USE) ? "name '%%s' is used prior to %s declaration"
                            : (flags & SYM_DEF_ANNOT) ? "annotated name '%%s' can't be %s"
                            : "name '%%s' is assigned to before %s declaration";
            snprintf(fmt, sizeof fmt, why, what);
            return fail(st, s->line, s->col, fmt, name);
        }
        if (!global && st->cur->type == BLOCK_MODULE)
            return fail(st, s->line, s->col, "%s", "nonlocal declaration not allowed at module level");
        if (add_def(st, name, global ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL, s->line, s->col) < 0)
            return -1;
    }
    return 0;
}

static int visit_stmt(St *st, const AstNode *s)
{
    switch (s->kind) {
    case AST_FunctionDef:
        if (add_def(st, s->s, SYM_DEF_LOCAL, s->line, s->col) < 0
            || visit_exprs(st, &s->a->l5) < 0 || visit_exprs(st, &s->a->l4) < 0
            || visit_annotations(st, s->a, s->b) < 0 || visit_exprs(st, &s->l2) < 0)
            return -1;
        if (enter_block(st, s->s, BLOCK_FUNCTION, s, s->line) < 0 || visit_arguments(st, s->a) < 0
            || visit_stmts(st, &s->l1) < 0)
            return -1;
        exit_block(st);
        return 0;
    case AST_ClassDef:
        if (add_def(st, s->s, SYM_DEF_LOCAL, s->line, s->col) < 0 || visit_exprs(st, &s->l1) < 0)
            return -1;
        for (int i = 0; i < s->l2.n; i++)
            if (visit_expr(st, s->l2.items[i]->a) < 0)
                return -1;
        if (visit_exprs(st, &s->l4) < 0 || enter_block(st, s->s, BLOCK_CLASS, s, s->line) < 0
            || visit_stmts(st, &s->l3) < 0)
            return -1;
        exit_block(st);
        return 0;
    case AST_Return: return visit_opt(st, s->a);
    case AST_Delete: return visit_exprs(st, &s->l1);
    case AST_Assign: return visit_exprs(st, &s->l1) < 0 ? -1 : visit_expr(st, s->a);
    case AST_AugAssign: return visit_expr(st, s->a) < 0 ? -1 : visit_expr(st, s->b);
    case AST_AnnAssign:
        if (s->a->kind == AST_Name) {
            const Symbol *cur = symtable_lookup(st->cur, s->a->s);
            if (cur && (cur->flags & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) && st->cur != st->top && s->i)
                return fail(st, s->line, s->col, (cur->flags & SYM_DEF_GLOBAL)
                            ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal",
                            s->a->s);
            if (s->i) {
                if (add_def(st, s->a->s, SYM_DEF_ANNOT | SYM_DEF_LOCAL, s->a->line, s->a->col) < 0)
                    return -1;
            } else if (s->c && add_def(st, s->a->s, SYM_DEF_LOCAL, s->a->line, s->a->col) < 0) {
                return -1;
            }
        } else if (visit_expr(st, s->a) < 0) {
            return -1;
        }
        return visit_expr(st, s->b) < 0 ? -1 : visit_opt(st, s->c);
    case AST_For:
        return visit_expr(st, s->a) < 0 || visit_expr(st, s->b) < 0 || visit_stmts(st, &s->l1) < 0
             ? -1 : visit_stmts(st, &s->l2);
    case AST_While: case AST_If:
        return visit_expr(st, s->a) < 0 || visit_stmts(st, &s->l1) < 0 ? -1 : visit_stmts(st, &s->l2);
    case AST_With:
        for (int i = 0; i < s->l1.n; i++)
            if (visit_expr(st, s->l1.items[i]->a) < 0 || visit_opt(st, s->l1.items[i]->b) < 0)
                return -1;
        return visit_stmts(st, &s->l2);
    case AST_Raise: return visit_opt(st, s->a) < 0 ? -1 : visit_opt(st, s->b);
    case AST_Try:
        if (visit_stmts(st, &s->l1) < 0 || visit_stmts(st, &s->l3) < 0)
            return -1;
        for (int i = 0; i < s->l2.n; i++) {
            const AstNode *h = s->l2.items[i];
            if (visit_opt(st, h->a) < 0 || (h->s && add_def(st, h->s, SYM_DEF_LOCAL, h->line, h->col) < 0)
                || visit_stmts(st, &h->l1) < 0)
                return -1;
        }
        return visit_stmts(st, &s->l4);
    case AST_Assert: return visit_expr(st, s->a) < 0 ? -1 : visit_opt(st, s->b);
    case AST_Import: case AST_ImportFrom:
        for (int i = 0; i < s->l1.n; i++)
            if (visit_alias(st, s->l1.items[i]) < 0)
                return -1;
        return 0;
    case AST_Global: return declare(st, s, 1);
    case AST_Nonlocal: return declare(st, s, 0);
    case AST_Expr: return visit_expr(st, s->a);
    default: return 0;
    }
}

/* ---- pass 2: analysis ---------------------------------------------------------------- */

typedef struct NameSet { const char **names; int n, cap; } NameSet;

static int set_has(const NameSet *s, const char *name)
{
    for (int i = 0; s && i < s->n; i++)
        if (!strcmp(s->names[i], name))
            return 1;
    return 0;
}

static int set_add(St *st, NameSet *s, const char *name)
{
    if (set_has(s, name))
        return 0;
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 8;
        const char **names = ast_alloc(st->ar, (size_t)cap * sizeof *names);
        if (!names)
            return oom(st);
        if (s->n)
            memcpy(names, s->names, (size_t)s->n * sizeof *names);
        s->names = names;
        s->cap = cap;
    }
    s->names[s->n++] = name;
    return 0;
}

static void set_discard(NameSet *s, const char *name)
{
    for (int i = 0; s && i < s->n; i++)
        if (!strcmp(s->names[i], name)) {
            memmove(&s->names[i], &s->names[i + 1], (size_t)(s->n - i - 1) * sizeof *s->names);
            s->n--;
            return;
        }
}

static int set_union(St *st, NameSet *into, const NameSet *from)
{
    for (int i = 0; from && i < from->n; i++)
        if (set_add(st, into, from->names[i]) < 0)
            return -1;
    return 0;
}

static int analyze_name(St *st, SymTable *t, Symbol *s, NameSet *bound, NameSet *local,
                        NameSet *free, NameSet *global)
{
    int line = s->line ? s->line : t->node ? t->node->line : 1;
    if (s->flags & SYM_DEF_GLOBAL) {
        if (s->flags & SYM_DEF_NONLOCAL)
            return fail(st, line, 0, "name '%s' is nonlocal and global", s->name);
        s->scope = SYM_GLOBAL_EXPLICIT;
        set_discard(bound, s->name);
        return set_add(st, global, s->name);
    }
    if (s->flags & SYM_DEF_NONLOCAL) {
        if (!bound || !set_has(bound, s->name))
            return fail(st, line, 0, "no binding for nonlocal '%s' found", s->name);
        s->scope = SYM_FREE;
        return set_add(st, free, s->name);
    }
    if (s->flags & SYM_DEF_BOUND) {
        s->scope = SYM_LOCAL;
        set_discard(global, s->name);
        return set_add(st, local, s->name);
    }
    if (bound && set_has(bound, s->name)) {
        s->scope = SYM_FREE;
        return set_add(st, free, s->name);
    }
    s->scope = SYM_GLOBAL_IMPLICIT;
    return 0;
}

static int analyze_block(St *st, SymTable *t, NameSet *bound, NameSet *free, NameSet *global);

static int analyze_child(St *st, SymTable *c, const NameSet *bound, const NameSet *free,
                         const NameSet *global, NameSet *child_free)
{
    NameSet tb = { 0 }, tf = { 0 }, tg = { 0 };
    if (set_union(st, &tb, bound) < 0 || set_union(st, &tf, free) < 0 || set_union(st, &tg, global) < 0
        || analyze_block(st, c, bound ? &tb : NULL, &tf, &tg) < 0)
        return -1;
    return set_union(st, child_free, &tf);
}

static int analyze_block(St *st, SymTable *t, NameSet *bound, NameSet *free, NameSet *global)
{
    NameSet local = { 0 }, newbound = { 0 }, newfree = { 0 }, newglobal = { 0 }, allfree = { 0 };
    if (t->type == BLOCK_CLASS && (set_union(st, &newglobal, global) < 0 || set_union(st, &newbound, bound) < 0))
        return -1;
    for (int i = 0; i < t->nsyms; i++)
        if (analyze_name(st, t, &t->syms[i], bound, &local, free, global) < 0)
            return -1;
    if (t->type != BLOCK_CLASS) {
        if (t->type == BLOCK_FUNCTION && set_union(st, &newbound, &local) < 0)
            return -1;
        if (set_union(st, &newbound, bound) < 0 || set_union(st, &newglobal, global) < 0)
            return -1;
    } else if (set_add(st, &newbound, "__class__") < 0) {
        return -1;
    }
    for (int i = 0; i < t->nchildren; i++)
        if (analyze_child(st, t->children[i], &newbound, &newfree, &newglobal, &allfree) < 0)
            return -1;
    if (set_union(st, &newfree, &allfree) < 0)
        return -1;
    if (t->type == BLOCK_FUNCTION) {
        /* locals that inner functions use become cells */
        for (int i = 0; i < t->nsyms; i++)
            if (t->syms[i].scope == SYM_LOCAL && set_has(&newfree, t->syms[i].name)) {
                t->syms[i].scope = SYM_CELL;
                set_discard(&newfree, t->syms[i].name);
            }
    } else if (t->type == BLOCK_CLASS && set_has(&newfree, "__class__")) {
        set_discard(&newfree, "__class__");
        t->needs_class_closure = 1;
    }
    /* update_symbols: free names of children that pass through.  CPython
     * takes them from a set (in hash order); they are sorted here, as the
     * compiler sorts free variables anyway. */
    for (int i = 1; i < newfree.n; i++)
        for (int j = i; j > 0 && strcmp(newfree.names[j - 1], newfree.names[j]) > 0; j--) {
            const char *x = newfree.names[j];
            newfree.names[j] = newfree.names[j - 1];
            newfree.names[j - 1] = x;
        }
    for (int i = 0; i < newfree.n; i++) {
        const char *name = newfree.names[i];
        Symbol *s = lookup_mut(t, name);
        if (s) {
            if (t->type == BLOCK_CLASS && (s->flags & (SYM_DEF_BOUND | SYM_DEF_GLOBAL)))
                s->flags |= SYM_DEF_FREE_CLASS;
            continue;
        }
        if (bound && !set_has(bound, name))
            continue;   /* a global */
        if (!(s = add_symbol(st->ar, t, name)))
            return oom(st);
        s->scope = SYM_FREE;
    }
    return set_union(st, free, &newfree);
}

SymTable *symtable_build(AstArena *ar, const AstNode *module, ParseError *err)
{
    St st = { ar, err, NULL, NULL, 0 };
    memset(err, 0, sizeof *err);
    if (enter_block(&st, "top", BLOCK_MODULE, NULL, 0) < 0 || visit_stmts(&st, &module->l1) < 0)
        return NULL;
    NameSet free = { 0 }, global = { 0 };
    if (analyze_block(&st, st.top, NULL, &free, &global) < 0)
        return NULL;
    return st.top;
}
