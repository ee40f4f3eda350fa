/* parser.c — recursive descent from tokens to the syntax tree (see
 * parser.h): statements and blocks here; expressions in parse_expr.c,
 * literals in parse_literal.c.  Functions follow the rules of CPython's
 * grammar (Grammar/python.gram) and carry their names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse.h"

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
};

int parse_is_keyword(const Token *t)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (tok_is_kw(t, keywords[i]))
            return 1;
    return 0;
}

void *parse_error_at(P *p, const Token *t, const char *type, const char *msg)
{
    if (!p->failed) {
        p->failed = 1;
        p->err->type = type;
        snprintf(p->err->msg, sizeof p->err->msg, "%s", msg);
        p->err->line = t->line;
        p->err->col = t->col + 1;
    }
    return NULL;
}

void *parse_syntax_error(P *p, const char *msg) { return parse_error_at(p, cur(p), "SyntaxError", msg); }

void *parse_unsupported(P *p, const Token *t, const char *what)
{
    char msg[160];
    snprintf(msg, sizeof msg, "'%s' is not supported by memplay (line %d)", what, t->line);
    return parse_error_at(p, t, "SyntaxError", msg);
}

void *parse_no_memory(P *p) { return parse_syntax_error(p, "out of memory while parsing"); }

int parse_expect_op(P *p, TokOp op, const char *what)
{
    if (accept_op(p, op))
        return 1;
    char msg[60];
    snprintf(msg, sizeof msg, "expected '%s'", what);
    parse_syntax_error(p, op == OP_COLON ? msg : "invalid syntax");
    return 0;
}

AstNode *parse_node(P *p, AstKind kind, const Token *t)
{
    AstNode *n = ast_node(p->ar, kind, t->line, t->col);
    if (!n)
        parse_no_memory(p);
    return n;
}

int parse_push(P *p, AstList *l, AstNode *n)
{
    if (ast_list_push(p->ar, l, n) < 0) {
        parse_no_memory(p);
        return -1;
    }
    return 0;
}

const char *parse_ident(P *p, const Token *t) { return ast_strdup(p->ar, t->text, t->len); }

/* A NAME that is not a keyword. */
const char *parse_name(P *p)
{
    Token *t = cur(p);
    if (t->kind != TK_NAME || parse_is_keyword(t))
        return parse_syntax_error(p, "invalid syntax");
    advance(p);
    return parse_ident(p, t);
}

int parse_enter(P *p)
{
    if (++p->depth > MAX_DEPTH) {
        parse_error_at(p, cur(p), "SyntaxError", "too many nested parentheses");
        return 0;
    }
    return 1;
}

AstNode *parse_leave(P *p, AstNode *n)
{
    p->depth--;
    return p->failed ? NULL : n;
}

/* ---- statements -------------------------------------------------------------------- */

static int statements(P *p, AstList *into);
static int block(P *p, AstList *body, const char *what, int line);

static AstNode *simple_stmt(P *p);

static int end_of_simple(P *p)
{
    if (accept_op(p, OP_SEMI) && cur(p)->kind != TK_NEWLINE)
        return 1;                       /* another statement follows */
    if (cur(p)->kind == TK_NEWLINE) {
        advance(p);
        return 0;
    }
    if (cur(p)->kind == TK_ENDMARKER)
        return 0;
    parse_syntax_error(p, "invalid syntax");
    return -1;
}

static int simple_stmts(P *p, AstList *into)
{
    for (;;) {
        AstNode *s = simple_stmt(p);
        if (!s || parse_push(p, into, s) < 0)
            return -1;
        int more = end_of_simple(p);
        if (more < 0)
            return -1;
        if (!more)
            return 0;
    }
}

static AstNode *names_stmt(P *p, AstKind kind, const Token *t)
{
    AstNode *g = parse_node(p, kind, t);
    if (!g)
        return NULL;
    do {
        AstNode *n = parse_node(p, AST_Name, cur(p));
        if (!n || !(n->s = parse_name(p)) || parse_push(p, &g->l1, n) < 0)
            return NULL;
    } while (accept_op(p, OP_COMMA));
    return g;
}

static const char *dotted_name(P *p)
{
    const char *first = parse_name(p);
    if (!first)
        return NULL;
    Buf b = { 0 };
    if (parse_buf_put(p, &b, first, strlen(first)) < 0)
        return NULL;
    while (accept_op(p, OP_DOT)) {
        const char *next = parse_name(p);
        if (!next || parse_buf_put(p, &b, ".", 1) < 0 || parse_buf_put(p, &b, next, strlen(next)) < 0)
            return NULL;
    }
    return b.s;
}

static AstNode *import_stmt(P *p, const Token *t)
{
    AstNode *imp = parse_node(p, AST_Import, t);
    if (!imp)
        return NULL;
    do {
        AstNode *a = parse_node(p, AST_alias, cur(p));
        if (!a || !(a->s = dotted_name(p)))
            return NULL;
        if (accept_kw(p, "as") && !(a->s2 = parse_name(p)))
            return NULL;
        if (parse_push(p, &imp->l1, a) < 0)
            return NULL;
    } while (accept_op(p, OP_COMMA));
    return imp;
}

static AstNode *from_stmt(P *p, const Token *t)
{
    AstNode *imp = parse_node(p, AST_ImportFrom, t);
    if (!imp)
        return NULL;
    while (is_op(p, OP_DOT) || is_op(p, OP_ELLIPSIS)) {
        imp->i += is_op(p, OP_DOT) ? 1 : 3;
        advance(p);
    }
    if (!is_kw(p, "import") && !(imp->s = dotted_name(p)))
        return NULL;
    if (!accept_kw(p, "import"))
        return parse_syntax_error(p, "invalid syntax");
    if (is_op(p, OP_STAR))
        return parse_unsupported(p, cur(p), "from ... import *");
    int parens = accept_op(p, OP_LPAR);
    do {
        if (parens && is_op(p, OP_RPAR))
            break;
        AstNode *a = parse_node(p, AST_alias, cur(p));
        if (!a || !(a->s = parse_name(p)))
            return NULL;
        if (accept_kw(p, "as") && !(a->s2 = parse_name(p)))
            return NULL;
        if (parse_push(p, &imp->l1, a) < 0)
            return NULL;
    } while (accept_op(p, OP_COMMA));
    if (parens && !parse_expect_op(p, OP_RPAR, ")"))
        return NULL;
    return imp;
}

static const struct { TokOp tok; AstOp op; } augops[] = {
    { OP_PLUSEQUAL, OPK_Add }, { OP_MINEQUAL, OPK_Sub }, { OP_STAREQUAL, OPK_Mult },
    { OP_ATEQUAL, OPK_MatMult }, { OP_SLASHEQUAL, OPK_Div }, { OP_PERCENTEQUAL, OPK_Mod },
    { OP_AMPEREQUAL, OPK_BitAnd }, { OP_VBAREQUAL, OPK_BitOr }, { OP_CIRCUMFLEXEQUAL, OPK_BitXor },
    { OP_LEFTSHIFTEQUAL, OPK_LShift }, { OP_RIGHTSHIFTEQUAL, OPK_RShift },
    { OP_DOUBLESTAREQUAL, OPK_Pow }, { OP_DOUBLESLASHEQUAL, OPK_FloorDiv },
};

static AstNode *yield_expr(P *p)
{
    Token *t = cur(p);
    advance(p);   /* yield */
    if (accept_kw(p, "from")) {
        AstNode *y = parse_node(p, AST_YieldFrom, t);
        if (y)
            y->a = parse_expression(p);
        return p->failed ? NULL : y;
    }
    AstNode *y = parse_node(p, AST_Yield, t);
    if (y && cur(p)->kind != TK_NEWLINE && !is_op(p, OP_SEMI) && !is_op(p, OP_RPAR) && !is_op(p, OP_EQUAL))
        y->a = parse_star_expressions(p);
    return p->failed ? NULL : y;
}

/* Expression statements, assignments and augmented assignments. */
static AstNode *expr_stmt(P *p)
{
    Token *t = cur(p);
    AstNode *first = is_kw(p, "yield") ? yield_expr(p) : parse_star_expressions(p);
    if (!first)
        return NULL;
    for (size_t i = 0; i < sizeof augops / sizeof augops[0]; i++)
        if (accept_op(p, augops[i].tok)) {
            if (first->kind != AST_Name && first->kind != AST_Attribute && first->kind != AST_Subscript) {
                char msg[80];
                snprintf(msg, sizeof msg, "'%s' is an illegal expression for augmented assignment",
                         first->kind == AST_Tuple ? "tuple" : first->kind == AST_List ? "list" : "expression");
                return parse_error_at(p, t, "SyntaxError", msg);
            }
            AstNode *a = parse_node(p, AST_AugAssign, t);
            if (!a || parse_set_ctx(p, first, CTX_Store) < 0)
                return NULL;
            a->a = first;
            a->op = augops[i].op;
            a->b = is_kw(p, "yield") ? yield_expr(p) : parse_star_expressions(p);
            return p->failed ? NULL : a;
        }
    if (is_op(p, OP_COLON)) {
        advance(p);
        AstNode *a = parse_node(p, AST_AnnAssign, t);
        if (!a || parse_set_ctx(p, first, CTX_Store) < 0)
            return NULL;
        a->a = first;
        a->i = first->kind == AST_Name;
        if (!(a->b = parse_expression(p)))
            return NULL;
        if (accept_op(p, OP_EQUAL) && !(a->c = parse_star_expressions(p)))
            return NULL;
        return a;
    }
    if (first->kind == AST_Name && !strcmp(first->s, "print")
        && (cur(p)->kind == TK_STRING || cur(p)->kind == TK_NAME || cur(p)->kind == TK_NUMBER))
        return parse_error_at(p, t, "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?");
    if (!is_op(p, OP_EQUAL)) {
        AstNode *e = parse_node(p, AST_Expr, t);
        if (e)
            e->a = first;
        return e;
    }
    AstNode *a = parse_node(p, AST_Assign, t);
    if (!a)
        return NULL;
    AstNode *value = first;
    while (accept_op(p, OP_EQUAL)) {
        if (parse_set_assign_target(p, value) < 0 || parse_push(p, &a->l1, value) < 0)
            return NULL;
        value = is_kw(p, "yield") ? yield_expr(p) : parse_star_expressions(p);
        if (!value)
            return NULL;
    }
    a->a = value;
    return a;
}

static AstNode *simple_stmt(P *p)
{
    Token *t = cur(p);
    if (t->kind == TK_NAME) {
        if (accept_kw(p, "pass")) return parse_node(p, AST_Pass, t);
        if (accept_kw(p, "break")) return parse_node(p, AST_Break, t);
        if (accept_kw(p, "continue")) return parse_node(p, AST_Continue, t);
        if (accept_kw(p, "return")) {
            AstNode *r = parse_node(p, AST_Return, t);
            if (r && cur(p)->kind != TK_NEWLINE && !is_op(p, OP_SEMI) && cur(p)->kind != TK_ENDMARKER)
                r->a = parse_star_expressions(p);
            return p->failed ? NULL : r;
        }
        if (accept_kw(p, "raise")) {
            AstNode *r = parse_node(p, AST_Raise, t);
            if (r && cur(p)->kind != TK_NEWLINE && !is_op(p, OP_SEMI) && cur(p)->kind != TK_ENDMARKER) {
                if (!(r->a = parse_expression(p)))
                    return NULL;
                if (accept_kw(p, "from") && !(r->b = parse_expression(p)))
                    return NULL;
            }
            return r;
        }
        if (accept_kw(p, "global")) return names_stmt(p, AST_Global, t);
        if (accept_kw(p, "nonlocal")) return names_stmt(p, AST_Nonlocal, t);
        if (accept_kw(p, "del")) {
            AstNode *d = parse_node(p, AST_Delete, t);
            if (!d)
                return NULL;
            do {
                if (cur(p)->kind == TK_NEWLINE || is_op(p, OP_SEMI))
                    break;
                AstNode *target = parse_bitwise_or(p);
                if (!target || parse_set_ctx(p, target, CTX_Del) < 0 || parse_push(p, &d->l1, target) < 0)
                    return NULL;
            } while (accept_op(p, OP_COMMA));
            return d;
        }
        if (accept_kw(p, "assert")) {
            AstNode *a = parse_node(p, AST_Assert, t);
            if (!a || !(a->a = parse_expression(p)))
                return NULL;
            if (accept_op(p, OP_COMMA) && !(a->b = parse_expression(p)))
                return NULL;
            return a;
        }
        if (accept_kw(p, "import")) return import_stmt(p, t);
        if (accept_kw(p, "from")) return from_stmt(p, t);
    }
    return expr_stmt(p);
}

static AstNode *if_stmt(P *p, const Token *t, int elif)
{
    AstNode *s = parse_node(p, AST_If, t);
    if (!s || !(s->a = parse_named_expression(p)) || block(p, &s->l1, elif ? "'elif' statement" : "'if' statement", t->line) < 0)
        return NULL;
    Token *e = cur(p);
    if (accept_kw(p, "elif")) {
        AstNode *next = if_stmt(p, e, 1);
        if (!next || parse_push(p, &s->l2, next) < 0)
            return NULL;
    } else if (is_kw(p, "else")) {
        int at = cur(p)->line;
        advance(p);
        if (block(p, &s->l2, "'else' statement", at) < 0)
            return NULL;
    }
    return s;
}

/* An optional `else:` block. */
static int else_block(P *p, AstList *into)
{
    if (!is_kw(p, "else"))
        return 0;
    int at = cur(p)->line;
    advance(p);
    return block(p, into, "'else' statement", at);
}

static AstNode *while_stmt(P *p, const Token *t)
{
    AstNode *s = parse_node(p, AST_While, t);
    if (!s || !(s->a = parse_named_expression(p)) || block(p, &s->l1, "'while' statement", t->line) < 0)
        return NULL;
    return else_block(p, &s->l2) < 0 ? NULL : s;
}

static AstNode *for_stmt(P *p, const Token *t)
{
    AstNode *s = parse_node(p, AST_For, t);
    if (!s)
        return NULL;
    if (!(s->a = parse_for_target(p)))
        return NULL;
    if (!accept_kw(p, "in"))
        return parse_syntax_error(p, "invalid syntax");
    if (!(s->b = parse_star_expressions(p)) || block(p, &s->l1, "'for' statement", t->line) < 0)
        return NULL;
    return else_block(p, &s->l2) < 0 ? NULL : s;
}

static AstNode *try_stmt(P *p, const Token *t)
{
    AstNode *s = parse_node(p, AST_Try, t);
    if (!s || block(p, &s->l1, "'try' statement", t->line) < 0)
        return NULL;
    while (is_kw(p, "except")) {
        Token *et = cur(p);
        advance(p);
        if (is_op(p, OP_STAR))
            return parse_unsupported(p, cur(p), "except*");
        AstNode *h = parse_node(p, AST_ExceptHandler, et);
        if (!h)
            return NULL;
        if (!is_op(p, OP_COLON)) {
            if (!(h->a = parse_expression(p)))
                return NULL;
            if (is_op(p, OP_COMMA)) {
                /* except A, B: -> a tuple, as CPython parses it */
                return parse_syntax_error(p, "multiple exception types must be parenthesized");
            }
            if (accept_kw(p, "as") && !(h->s = parse_name(p)))
                return NULL;
        }
        if (block(p, &h->l1, "'except' statement", et->line) < 0 || parse_push(p, &s->l2, h) < 0)
            return NULL;
    }
    if (s->l2.n && else_block(p, &s->l3) < 0)
        return NULL;
    if (is_kw(p, "finally")) {
        int at = cur(p)->line;
        advance(p);
        if (block(p, &s->l4, "'finally' statement", at) < 0)
            return NULL;
    }
    if (!s->l2.n && !s->l4.n)
        return parse_syntax_error(p, "expected 'except' or 'finally' block");
    return s;
}

static AstNode *with_stmt(P *p, const Token *t)
{
    AstNode *s = parse_node(p, AST_With, t);
    if (!s)
        return NULL;
    do {
        AstNode *item = parse_node(p, AST_withitem, cur(p));
        if (!item || !(item->a = parse_expression(p)))
            return NULL;
        if (accept_kw(p, "as")) {
            AstNode *target = parse_star_expression(p);
            if (!target || parse_set_ctx(p, target, CTX_Store) < 0)
                return NULL;
            item->b = target;
        }
        if (parse_push(p, &s->l1, item) < 0)
            return NULL;
    } while (accept_op(p, OP_COMMA));
    return block(p, &s->l2, "'with' statement", t->line) < 0 ? NULL : s;
}

static AstNode *funcdef(P *p, const Token *t, AstList *decorators)
{
    AstNode *f = parse_node(p, AST_FunctionDef, t);
    if (!f || !(f->s = parse_name(p)) || !parse_expect_op(p, OP_LPAR, "("))
        return NULL;
    if (!(f->a = parse_parameters(p, OP_RPAR, 1)) || !parse_expect_op(p, OP_RPAR, ")"))
        return NULL;
    if (accept_op(p, OP_RARROW) && !(f->b = parse_expression(p)))
        return NULL;
    if (decorators)
        f->l2 = *decorators;
    return block(p, &f->l1, "function definition", t->line) < 0 ? NULL : f;
}

static AstNode *classdef(P *p, const Token *t, AstList *decorators)
{
    AstNode *c = parse_node(p, AST_ClassDef, t);
    if (!c || !(c->s = parse_name(p)))
        return NULL;
    if (accept_op(p, OP_LPAR)) {
        AstNode call = { 0 };
        if (parse_call_arguments(p, &call) < 0)
            return NULL;
        c->l1 = call.l1;
        c->l2 = call.l2;
    }
    if (decorators)
        c->l4 = *decorators;
    return block(p, &c->l3, "class definition", t->line) < 0 ? NULL : c;
}

static AstNode *compound_stmt(P *p)
{
    Token *t = cur(p);
    if (accept_kw(p, "if")) return if_stmt(p, t, 0);
    if (accept_kw(p, "while")) return while_stmt(p, t);
    if (accept_kw(p, "for")) return for_stmt(p, t);
    if (accept_kw(p, "try")) return try_stmt(p, t);
    if (accept_kw(p, "with")) return with_stmt(p, t);
    if (accept_kw(p, "def")) return funcdef(p, t, NULL);
    if (accept_kw(p, "class")) return classdef(p, t, NULL);
    if (is_op(p, OP_AT)) {
        AstList decorators = { 0 };
        while (accept_op(p, OP_AT)) {
            AstNode *d = parse_named_expression(p);
            if (!d || parse_push(p, &decorators, d) < 0)
                return NULL;
            if (cur(p)->kind != TK_NEWLINE)
                return parse_syntax_error(p, "invalid syntax");
            advance(p);
        }
        Token *dt = cur(p);
        if (accept_kw(p, "def")) return funcdef(p, dt, &decorators);
        if (accept_kw(p, "class")) return classdef(p, dt, &decorators);
        return parse_syntax_error(p, "invalid syntax");
    }
    return NULL;
}

static int is_compound_start(P *p)
{
    static const char *const starts[] = { "if", "while", "for", "try", "with", "def", "class" };
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
        if (is_kw(p, starts[i]))
            return 1;
    return is_op(p, OP_AT);
}

static int statement(P *p, AstList *into)
{
    Token *t = cur(p);
    if (tok_is_kw(t, "async")) {
        parse_unsupported(p, t, tok_is_kw(ahead(p, 1), "def") ? "async def" : "async");
        return -1;
    }
    if (t->kind == TK_NAME && t->len == 5 && !memcmp(t->text, "match", 5)
        && ahead(p, 1)->kind != TK_OP && ahead(p, 1)->kind != TK_NEWLINE) {
        parse_unsupported(p, t, "match");
        return -1;
    }
    if (t->kind == TK_INDENT) {
        parse_error_at(p, t, "IndentationError", "unexpected indent");
        return -1;
    }
    if (is_compound_start(p)) {
        AstNode *s = compound_stmt(p);
        return s ? parse_push(p, into, s) : -1;
    }
    return simple_stmts(p, into);
}

/* ':' then either simple statements on the same line or an indented block;
 * `what` names the statement for CPython's "expected an indented block
 * after 'if' statement on line N". */
static int block(P *p, AstList *body, const char *what, int line)
{
    if (!accept_op(p, OP_COLON)) {
        parse_syntax_error(p, "expected ':'");
        return -1;
    }
    if (cur(p)->kind != TK_NEWLINE)
        return simple_stmts(p, body);
    advance(p);
    if (cur(p)->kind != TK_INDENT) {
        char msg[120];
        snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what, line);
        parse_error_at(p, cur(p), "IndentationError", msg);
        return -1;
    }
    advance(p);
    if (!parse_enter(p))
        return -1;
    while (cur(p)->kind != TK_DEDENT && cur(p)->kind != TK_ENDMARKER && !p->failed)
        if (statement(p, body) < 0)
            break;
    p->depth--;
    if (p->failed)
        return -1;
    if (cur(p)->kind == TK_DEDENT)
        advance(p);
    return 0;
}

static int statements(P *p, AstList *into)
{
    while (cur(p)->kind != TK_ENDMARKER) {
        if (cur(p)->kind == TK_NEWLINE) {
            advance(p);
            continue;
        }
        if (statement(p, into) < 0)
            return -1;
    }
    return 0;
}

Token *parse_tokenize(Lexer *lx, const char *src, size_t len, int *count)
{
    lexer_init(lx, src, len);
    int cap = 256, n = 0;
    Token *toks = malloc((size_t)cap * sizeof *toks);
    while (toks) {
        if (n == cap) {
            Token *more = realloc(toks, (size_t)(cap *= 2) * sizeof *toks);
            if (!more)
                free(toks);
            toks = more;
            continue;
        }
        TokKind k = lexer_next(lx, &toks[n++]);
        if (k == TK_ERROR) {
            free(toks);
            return NULL;
        }
        if (k == TK_ENDMARKER)
            break;
    }
    *count = n;
    return toks;
}

AstNode *parse_module(AstArena *ar, const char *src, size_t len, ParseError *err)
{
    Lexer lx;
    int n = 0;
    memset(err, 0, sizeof *err);
    Token *toks = parse_tokenize(&lx, src, len, &n);
    if (!toks) {
        err->type = lx.error_type ? lx.error_type : "MemoryError";
        snprintf(err->msg, sizeof err->msg, "%s", lx.error);
        err->line = lx.error_line;
        err->col = lx.error_col + 1;
        return NULL;
    }
    P p = { toks, n, 0, ar, err, 0, 0 };
    AstNode *mod = parse_node(&p, AST_Module, &toks[0]);
    if (mod && statements(&p, &mod->l1) < 0)
        mod = NULL;
    free(toks);
    return p.failed ? NULL : mod;
}
