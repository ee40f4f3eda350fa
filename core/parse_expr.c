/* parse_expr.c — expressions: atoms and displays, calls and subscripts,
 * operators by precedence (power, factor, term, sum, shifts, bitwise,
 * comparison, not, and, or), conditional expressions, lambda and
 * parameters, comprehensions, assignment targets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse.h"

/* ---- atoms and displays ------------------------------------------------------ */

static int for_if_clauses(P *p, AstList *gens);

/* After '(' / '[' / '{' and a first element: comprehension or display. */
static AstNode *comprehension_of(P *p, AstKind kind, const Token *t, AstNode *elt)
{
    AstNode *c = parse_node(p, kind, t);
    if (!c)
        return NULL;
    c->a = elt;
    return for_if_clauses(p, &c->l1) < 0 ? NULL : c;
}

/* ", item" repeated until `close` (not consumed); a trailing comma is fine. */
static int rest_of_list(P *p, AstList *into, TokOp close, AstNode *(*item)(P *))
{
    while (accept_op(p, OP_COMMA) && !is_op(p, close)) {
        AstNode *e = item(p);
        if (!e || parse_push(p, into, e) < 0)
            return -1;
    }
    return 0;
}

static AstNode *paren(P *p, const Token *t)
{
    if (accept_op(p, OP_RPAR)) {
        AstNode *tup = parse_node(p, AST_Tuple, t);
        if (tup)
            tup->ctx = CTX_Load;
        return tup;
    }
    if (is_kw(p, "yield"))
        return parse_unsupported(p, cur(p), "yield expression in parentheses");
    AstNode *first = is_op(p, OP_STAR) ? parse_star_expression(p) : parse_named_expression(p);
    if (!first)
        return NULL;
    if (is_kw(p, "for")) {
        AstNode *g = comprehension_of(p, AST_GeneratorExp, t, first);
        return g && parse_expect_op(p, OP_RPAR, ")") ? g : NULL;
    }
    if (accept_op(p, OP_RPAR)) {
        if (first->kind == AST_Starred)
            return parse_syntax_error(p, "cannot use starred expression here");
        return first;
    }
    AstNode *tup = parse_node(p, AST_Tuple, t);
    if (!tup || parse_push(p, &tup->l1, first) < 0)
        return NULL;
    tup->ctx = CTX_Load;
    if (rest_of_list(p, &tup->l1, OP_RPAR, parse_star_named_expression) < 0)
        return NULL;
    return parse_expect_op(p, OP_RPAR, ")") ? tup : NULL;
}

static AstNode *list_display(P *p, const Token *t)
{
    AstNode *l = parse_node(p, AST_List, t);
    if (!l)
        return NULL;
    l->ctx = CTX_Load;
    if (accept_op(p, OP_RSQB))
        return l;
    AstNode *first = parse_star_named_expression(p);
    if (!first)
        return NULL;
    if (is_kw(p, "for")) {
        AstNode *c = comprehension_of(p, AST_ListComp, t, first);
        return c && parse_expect_op(p, OP_RSQB, "]") ? c : NULL;
    }
    if (parse_push(p, &l->l1, first) < 0)
        return NULL;
    if (rest_of_list(p, &l->l1, OP_RSQB, parse_star_named_expression) < 0)
        return NULL;
    return parse_expect_op(p, OP_RSQB, "]") ? l : NULL;
}

static AstNode *brace_display(P *p, const Token *t)
{
    AstNode *d = parse_node(p, AST_Dict, t);
    if (!d)
        return NULL;
    if (accept_op(p, OP_RBRACE))
        return d;
    if (accept_op(p, OP_DOUBLESTAR)) {
        AstNode *v = parse_bitwise_or(p);
        if (!v || parse_push(p, &d->l1, NULL) < 0 || parse_push(p, &d->l2, v) < 0)
            return NULL;
    } else {
        AstNode *first = is_op(p, OP_STAR) ? parse_star_expression(p) : parse_named_expression(p);
        if (!first)
            return NULL;
        if (!accept_op(p, OP_COLON)) {
            /* a set */
            if (is_kw(p, "for")) {
                AstNode *c = comprehension_of(p, AST_SetComp, t, first);
                return c && parse_expect_op(p, OP_RBRACE, "}") ? c : NULL;
            }
            AstNode *s = parse_node(p, AST_Set, t);
            if (!s || parse_push(p, &s->l1, first) < 0)
                return NULL;
            if (rest_of_list(p, &s->l1, OP_RBRACE, parse_star_named_expression) < 0)
                return NULL;
            return parse_expect_op(p, OP_RBRACE, "}") ? s : NULL;
        }
        AstNode *v = parse_expression(p);
        if (!v)
            return NULL;
        if (is_kw(p, "for")) {
            AstNode *c = parse_node(p, AST_DictComp, t);
            if (!c)
                return NULL;
            c->a = first;
            c->b = v;
            if (for_if_clauses(p, &c->l1) < 0)
                return NULL;
            return parse_expect_op(p, OP_RBRACE, "}") ? c : NULL;
        }
        if (parse_push(p, &d->l1, first) < 0 || parse_push(p, &d->l2, v) < 0)
            return NULL;
    }
    while (accept_op(p, OP_COMMA) && !is_op(p, OP_RBRACE)) {
        if (accept_op(p, OP_DOUBLESTAR)) {
            AstNode *v = parse_bitwise_or(p);
            if (!v || parse_push(p, &d->l1, NULL) < 0 || parse_push(p, &d->l2, v) < 0)
                return NULL;
            continue;
        }
        AstNode *k = parse_expression(p);
        if (!k || !parse_expect_op(p, OP_COLON, ":"))
            return NULL;
        AstNode *v = parse_expression(p);
        if (!v || parse_push(p, &d->l1, k) < 0 || parse_push(p, &d->l2, v) < 0)
            return NULL;
    }
    return parse_expect_op(p, OP_RBRACE, "}") ? d : NULL;
}

static AstNode *atom(P *p)
{
    Token *t = cur(p);
    if (t->kind == TK_NAME) {
        static const struct { const char *kw; AstConst ck; } consts[] = {
            { "None", CONST_NONE }, { "True", CONST_TRUE }, { "False", CONST_FALSE },
        };
        for (size_t i = 0; i < 3; i++)
            if (tok_is_kw(t, consts[i].kw)) {
                AstNode *c = parse_node(p, AST_Constant, t);
                if (c)
                    c->ck = consts[i].ck;
                advance(p);
                return c;
            }
        if (tok_is_kw(t, "await"))
            return parse_unsupported(p, t, "await");
        if (tok_is_kw(t, "async"))
            return parse_unsupported(p, t, "async");
        if (parse_is_keyword(t))
            return parse_syntax_error(p, "invalid syntax");
        AstNode *n = parse_node(p, AST_Name, t);
        if (!n)
            return NULL;
        n->s = parse_ident(p, t);
        n->ctx = CTX_Load;
        advance(p);
        return n;
    }
    if (t->kind == TK_NUMBER)
        return parse_number(p);
    if (t->kind == TK_STRING)
        return parse_strings(p);
    if (t->kind == TK_OP) {
        advance(p);
        switch (t->op) {
        case OP_LPAR: return paren(p, t);
        case OP_LSQB: return list_display(p, t);
        case OP_LBRACE: return brace_display(p, t);
        case OP_ELLIPSIS: {
            AstNode *c = parse_node(p, AST_Constant, t);
            if (c)
                c->ck = CONST_ELLIPSIS;
            return c;
        }
        default: break;
        }
        p->pos--;
    }
    if (t->kind == TK_NEWLINE || t->kind == TK_ENDMARKER)
        return parse_syntax_error(p, "invalid syntax");
    return parse_syntax_error(p, "invalid syntax");
}

/* ---- calls, subscripts, attributes -------------------------------------------- */

int parse_call_arguments(P *p, AstNode *call)
{
    int seen_keyword = 0, seen_kwunpack = 0;
    while (!is_op(p, OP_RPAR)) {
        Token *t = cur(p);
        if (is_op(p, OP_STAR) && seen_kwunpack)
            return parse_error_at(p, t, "SyntaxError",
                                  "iterable argument unpacking follows keyword argument unpacking"), -1;
        if (accept_op(p, OP_STAR)) {
            AstNode *s = parse_node(p, AST_Starred, t);
            if (!s || !(s->a = parse_expression(p)))
                return -1;
            s->ctx = CTX_Load;
            if (parse_push(p, &call->l1, s) < 0)
                return -1;
        } else if (accept_op(p, OP_DOUBLESTAR)) {
            AstNode *k = parse_node(p, AST_keyword, t);
            if (!k || !(k->a = parse_expression(p)) || parse_push(p, &call->l2, k) < 0)
                return -1;
            seen_keyword = 1;
            seen_kwunpack = 1;
        } else if (t->kind == TK_NAME && ahead(p, 1)->kind == TK_OP && ahead(p, 1)->op == OP_EQUAL) {
            AstNode *k = parse_node(p, AST_keyword, t);
            if (!k)
                return -1;
            if (!(k->s = parse_name(p)))
                return -1;
            advance(p);    /* = */
            if (!(k->a = parse_expression(p)) || parse_push(p, &call->l2, k) < 0)
                return -1;
            seen_keyword = 1;
        } else {
            AstNode *e = parse_named_expression(p);
            if (!e)
                return -1;
            if (is_kw(p, "for")) {
                AstNode *g = comprehension_of(p, AST_GeneratorExp, t, e);
                if (!g)
                    return -1;
                e = g;
            }
            if (seen_keyword) {
                parse_syntax_error(p, "positional argument follows keyword argument");
                return -1;
            }
            if (parse_push(p, &call->l1, e) < 0)
                return -1;
        }
        if (!accept_op(p, OP_COMMA))
            break;
    }
    return parse_expect_op(p, OP_RPAR, ")") ? 0 : -1;
}

static AstNode *slice_item(P *p)
{
    Token *t = cur(p);
    AstNode *lower = NULL;
    if (!is_op(p, OP_COLON)) {
        lower = is_op(p, OP_STAR) ? parse_star_expression(p) : parse_named_expression(p);
        if (!lower || !is_op(p, OP_COLON))
            return lower;
    }
    AstNode *s = parse_node(p, AST_Slice, t);
    if (!s)
        return NULL;
    s->a = lower;
    advance(p);   /* : */
    if (!is_op(p, OP_COLON) && !is_op(p, OP_RSQB) && !is_op(p, OP_COMMA) && !(s->b = parse_expression(p)))
        return NULL;
    if (accept_op(p, OP_COLON) && !is_op(p, OP_RSQB) && !is_op(p, OP_COMMA) && !(s->c = parse_expression(p)))
        return NULL;
    return s;
}

static AstNode *slices(P *p, const Token *t)
{
    AstNode *first = slice_item(p);
    if (!first)
        return NULL;
    if (!is_op(p, OP_COMMA))
        return first;
    AstNode *tup = parse_node(p, AST_Tuple, t);
    if (!tup || parse_push(p, &tup->l1, first) < 0)
        return NULL;
    tup->ctx = CTX_Load;
    if (rest_of_list(p, &tup->l1, OP_RSQB, slice_item) < 0)
        return NULL;
    return tup;
}

static AstNode *primary(P *p)
{
    Token *start = cur(p);
    AstNode *e = atom(p);
    while (e) {
        Token *t = cur(p);
        if (accept_op(p, OP_DOT)) {
            AstNode *a = parse_node(p, AST_Attribute, start);
            if (!a)
                return NULL;
            a->a = e;
            if (!(a->s = parse_name(p)))
                return NULL;
            a->ctx = CTX_Load;
            e = a;
        } else if (accept_op(p, OP_LPAR)) {
            AstNode *c = parse_node(p, AST_Call, start);
            if (!c)
                return NULL;
            c->a = e;
            if (parse_call_arguments(p, c) < 0)
                return NULL;
            e = c;
        } else if (accept_op(p, OP_LSQB)) {
            AstNode *s = parse_node(p, AST_Subscript, start);
            if (!s)
                return NULL;
            s->a = e;
            if (!(s->b = slices(p, t)) || !parse_expect_op(p, OP_RSQB, "]"))
                return NULL;
            s->ctx = CTX_Load;
            e = s;
        } else {
            break;
        }
    }
    return e;
}

/* ---- operators ------------------------------------------------------------------ */

static AstNode *factor(P *p);

static AstNode *power(P *p)
{
    Token *t = cur(p);
    AstNode *left = primary(p);
    if (left && accept_op(p, OP_DOUBLESTAR)) {
        AstNode *b = parse_node(p, AST_BinOp, t);
        if (!b)
            return NULL;
        b->a = left;
        b->op = OPK_Pow;
        if (!(b->b = factor(p)))
            return NULL;
        return b;
    }
    return left;
}

static AstNode *factor(P *p)
{
    Token *t = cur(p);
    AstOp op = is_op(p, OP_PLUS) ? OPK_UAdd : is_op(p, OP_MINUS) ? OPK_USub
             : is_op(p, OP_TILDE) ? OPK_Invert : OPK_NONE;
    if (op == OPK_NONE)
        return power(p);
    advance(p);
    if (!parse_enter(p))
        return NULL;
    AstNode *u = parse_node(p, AST_UnaryOp, t);
    if (u) {
        u->op = op;
        u->a = factor(p);
    }
    return parse_leave(p, u);
}

typedef struct BinRule { TokOp tok; AstOp op; } BinRule;

static AstNode *binary(P *p, AstNode *(*operand)(P *), const BinRule *rules, int nrules)
{
    Token *t = cur(p);
    AstNode *left = operand(p);
    while (left) {
        AstOp op = OPK_NONE;
        for (int i = 0; i < nrules; i++)
            if (is_op(p, rules[i].tok))
                op = rules[i].op;
        if (op == OPK_NONE)
            break;
        advance(p);
        AstNode *b = parse_node(p, AST_BinOp, t);
        if (!b)
            return NULL;
        b->a = left;
        b->op = op;
        if (!(b->b = operand(p)))
            return NULL;
        left = b;
    }
    return left;
}

static AstNode *term(P *p)
{
    static const BinRule r[] = { { OP_STAR, OPK_Mult }, { OP_SLASH, OPK_Div }, { OP_DOUBLESLASH, OPK_FloorDiv },
                                 { OP_PERCENT, OPK_Mod }, { OP_AT, OPK_MatMult } };
    return binary(p, factor, r, 5);
}

static AstNode *sum(P *p)
{
    static const BinRule r[] = { { OP_PLUS, OPK_Add }, { OP_MINUS, OPK_Sub } };
    return binary(p, term, r, 2);
}

static AstNode *shift_expr(P *p)
{
    static const BinRule r[] = { { OP_LEFTSHIFT, OPK_LShift }, { OP_RIGHTSHIFT, OPK_RShift } };
    return binary(p, sum, r, 2);
}

static AstNode *bitwise_and(P *p)
{
    static const BinRule r[] = { { OP_AMPER, OPK_BitAnd } };
    return binary(p, shift_expr, r, 1);
}

static AstNode *bitwise_xor(P *p)
{
    static const BinRule r[] = { { OP_CIRCUMFLEX, OPK_BitXor } };
    return binary(p, bitwise_and, r, 1);
}

AstNode *parse_bitwise_or(P *p)
{
    static const BinRule r[] = { { OP_VBAR, OPK_BitOr } };
    return binary(p, bitwise_xor, r, 1);
}

/* A comparison operator at the cursor (consumed), or OPK_NONE. */
static AstOp compare_op(P *p)
{
    static const struct { TokOp tok; AstOp op; } simple[] = {
        { OP_EQEQUAL, OPK_Eq }, { OP_NOTEQUAL, OPK_NotEq }, { OP_LESS, OPK_Lt }, { OP_LESSEQUAL, OPK_LtE },
        { OP_GREATER, OPK_Gt }, { OP_GREATEREQUAL, OPK_GtE },
    };
    for (size_t i = 0; i < 6; i++)
        if (accept_op(p, simple[i].tok))
            return simple[i].op;
    if (accept_kw(p, "in"))
        return OPK_In;
    if (is_kw(p, "not") && tok_is_kw(ahead(p, 1), "in")) {
        advance(p);
        advance(p);
        return OPK_NotIn;
    }
    if (accept_kw(p, "is"))
        return accept_kw(p, "not") ? OPK_IsNot : OPK_Is;
    return OPK_NONE;
}

static AstNode *comparison(P *p)
{
    Token *t = cur(p);
    AstNode *left = parse_bitwise_or(p);
    if (!left)
        return NULL;
    AstNode *c = NULL;
    for (AstOp op; (op = compare_op(p)) != OPK_NONE;) {
        if (!c) {
            if (!(c = parse_node(p, AST_Compare, t)))
                return NULL;
            c->a = left;
        }
        AstNode *opn = parse_node(p, AST_Compare, t);   /* holds the operator */
        AstNode *right = parse_bitwise_or(p);
        if (!opn || !right)
            return NULL;
        opn->op = op;
        if (parse_push(p, &c->l2, opn) < 0 || parse_push(p, &c->l1, right) < 0)
            return NULL;
    }
    return c ? c : left;
}

static AstNode *inversion(P *p)
{
    Token *t = cur(p);
    if (!accept_kw(p, "not"))
        return comparison(p);
    if (!parse_enter(p))
        return NULL;
    AstNode *u = parse_node(p, AST_UnaryOp, t);
    if (u) {
        u->op = OPK_Not;
        u->a = inversion(p);
    }
    return parse_leave(p, u);
}

static AstNode *boolop(P *p, AstNode *(*operand)(P *), const char *kw, AstOp op)
{
    Token *t = cur(p);
    AstNode *first = operand(p);
    if (!first || !is_kw(p, kw))
        return first;
    AstNode *b = parse_node(p, AST_BoolOp, t);
    if (!b || parse_push(p, &b->l1, first) < 0)
        return NULL;
    b->op = op;
    while (accept_kw(p, kw)) {
        AstNode *e = operand(p);
        if (!e || parse_push(p, &b->l1, e) < 0)
            return NULL;
    }
    return b;
}

static AstNode *conjunction(P *p) { return boolop(p, inversion, "and", OPK_And); }
AstNode *parse_disjunction(P *p) { return boolop(p, conjunction, "or", OPK_Or); }

/* ---- lambda and function parameters ---------------------------------------------- */

/* Parameters up to `end` (':' for lambda, ')' for def); annotations only
 * for def. */
AstNode *parse_parameters(P *p, TokOp end, int annotations)
{
    AstNode *args = parse_node(p, AST_arguments, cur(p));
    if (!args)
        return NULL;
    int after_star = 0, seen_default = 0;
    while (!is_op(p, end)) {
        Token *t = cur(p);
        if (accept_op(p, OP_SLASH)) {
            /* everything so far was positional-only */
            args->l1 = args->l2;
            memset(&args->l2, 0, sizeof args->l2);
        } else if (accept_op(p, OP_DOUBLESTAR) || accept_op(p, OP_STAR)) {
            int kwarg = ahead(p, -1)->op == OP_DOUBLESTAR;
            if (!kwarg && (is_op(p, OP_COMMA) || is_op(p, end))) {
                after_star = 1;          /* bare *: keyword-only follow */
            } else {
                AstNode *a = parse_node(p, AST_arg, cur(p));
                if (!a || !(a->s = parse_name(p)))
                    return NULL;
                if (annotations && accept_op(p, OP_COLON) && !(a->a = parse_expression(p)))
                    return NULL;
                if (kwarg)
                    args->b = a;
                else {
                    args->a = a;
                    after_star = 1;
                }
            }
        } else {
            AstNode *a = parse_node(p, AST_arg, t);
            if (!a || !(a->s = parse_name(p)))
                return NULL;
            if (annotations && accept_op(p, OP_COLON) && !(a->a = parse_expression(p)))
                return NULL;
            AstNode *def = NULL;
            if (accept_op(p, OP_EQUAL) && !(def = parse_expression(p)))
                return NULL;
            if (after_star) {
                if (parse_push(p, &args->l3, a) < 0 || parse_push(p, &args->l4, def) < 0)
                    return NULL;
            } else {
                if (def)
                    seen_default = 1;
                else if (seen_default)
                    return parse_syntax_error(p, "non-default argument follows default argument");
                if (parse_push(p, &args->l2, a) < 0 || (def && parse_push(p, &args->l5, def) < 0))
                    return NULL;
            }
        }
        if (!accept_op(p, OP_COMMA))
            break;
    }
    return args;
}

static AstNode *lambdef(P *p)
{
    Token *t = cur(p);
    advance(p);   /* lambda */
    AstNode *l = parse_node(p, AST_Lambda, t);
    if (!l || !(l->a = parse_parameters(p, OP_COLON, 0)) || !parse_expect_op(p, OP_COLON, ":"))
        return NULL;
    l->b = parse_expression(p);
    return p->failed ? NULL : l;
}

AstNode *parse_expression(P *p)
{
    if (!parse_enter(p))
        return NULL;
    if (is_kw(p, "lambda"))
        return parse_leave(p, lambdef(p));
    Token *t = cur(p);
    AstNode *body = parse_disjunction(p);
    if (body && accept_kw(p, "if")) {
        AstNode *e = parse_node(p, AST_IfExp, t);
        if (!e)
            return parse_leave(p, NULL);
        e->b = body;
        if (!(e->a = parse_disjunction(p)))
            return parse_leave(p, NULL);
        if (!accept_kw(p, "else"))
            return parse_leave(p, parse_syntax_error(p, "expected 'else' after 'if' expression"));
        e->c = parse_expression(p);
        return parse_leave(p, e);
    }
    return parse_leave(p, body);
}

AstNode *parse_named_expression(P *p)
{
    Token *t = cur(p);
    if (t->kind == TK_NAME && ahead(p, 1)->kind == TK_OP && ahead(p, 1)->op == OP_COLONEQUAL) {
        AstNode *n = parse_node(p, AST_NamedExpr, t);
        AstNode *target = parse_node(p, AST_Name, t);
        if (!n || !target || !(target->s = parse_name(p)))
            return NULL;
        target->ctx = CTX_Store;
        advance(p);   /* := */
        n->a = target;
        n->b = parse_expression(p);
        return p->failed ? NULL : n;
    }
    return parse_expression(p);
}

AstNode *parse_star_expression(P *p)
{
    Token *t = cur(p);
    if (accept_op(p, OP_STAR)) {
        AstNode *s = parse_node(p, AST_Starred, t);
        if (!s || !(s->a = parse_bitwise_or(p)))
            return NULL;
        s->ctx = CTX_Load;
        return s;
    }
    return parse_expression(p);
}

/* star_named_expression: an element of a list, set or parenthesized tuple */
AstNode *parse_star_named_expression(P *p)
{
    return is_op(p, OP_STAR) ? parse_star_expression(p) : parse_named_expression(p);
}

/* star_expressions: a, *b, c  (a bare tuple when there is a comma) */
AstNode *parse_star_expressions(P *p)
{
    Token *t = cur(p);
    AstNode *first = parse_star_expression(p);
    if (!first || !is_op(p, OP_COMMA))
        return first;
    AstNode *tup = parse_node(p, AST_Tuple, t);
    if (!tup || parse_push(p, &tup->l1, first) < 0)
        return NULL;
    tup->ctx = CTX_Load;
    while (accept_op(p, OP_COMMA)) {
        if (is_op(p, OP_EQUAL) || is_op(p, OP_RPAR) || cur(p)->kind == TK_NEWLINE || is_op(p, OP_SEMI)
            || is_op(p, OP_COLON) || is_op(p, OP_RSQB) || is_kw(p, "in"))
            break;
        AstNode *e = parse_star_expression(p);
        if (!e || parse_push(p, &tup->l1, e) < 0)
            return NULL;
    }
    return tup;
}

/* The target of a for: star_targets, which stop before 'in'. */
static AstNode *target_item(P *p)
{
    Token *t = cur(p);
    if (accept_op(p, OP_STAR)) {
        AstNode *s = parse_node(p, AST_Starred, t);
        if (!s || !(s->a = parse_bitwise_or(p)))
            return NULL;
        return s;
    }
    return parse_bitwise_or(p);
}

AstNode *parse_for_target(P *p)
{
    Token *t = cur(p);
    AstNode *first = target_item(p);
    if (first && is_op(p, OP_COMMA)) {
        AstNode *tup = parse_node(p, AST_Tuple, t);
        if (!tup || parse_push(p, &tup->l1, first) < 0)
            return NULL;
        while (accept_op(p, OP_COMMA) && !is_kw(p, "in")) {
            AstNode *e = target_item(p);
            if (!e || parse_push(p, &tup->l1, e) < 0)
                return NULL;
        }
        first = tup;
    }
    if (first && parse_set_ctx(p, first, CTX_Store) < 0)
        return NULL;
    return first;
}

/* for x in y if c ... */
static int for_if_clauses(P *p, AstList *gens)
{
    while (is_kw(p, "for") || is_kw(p, "async")) {
        if (is_kw(p, "async")) {
            parse_unsupported(p, cur(p), "async for");
            return -1;
        }
        Token *t = cur(p);
        advance(p);
        AstNode *c = parse_node(p, AST_comprehension, t);
        if (!c)
            return -1;
        if (!(c->a = parse_for_target(p)))
            return -1;
        if (!accept_kw(p, "in")) {
            parse_syntax_error(p, "invalid syntax");
            return -1;
        }
        if (!(c->b = parse_disjunction(p)))
            return -1;
        while (accept_kw(p, "if")) {
            AstNode *cond = parse_disjunction(p);
            if (!cond || parse_push(p, &c->l1, cond) < 0)
                return -1;
        }
        if (parse_push(p, gens, c) < 0)
            return -1;
    }
    return 0;
}

/* Marks an expression as an assignment (or del) target. */
int parse_set_ctx(P *p, AstNode *n, AstCtx ctx)
{
    const char *what = NULL;
    switch (n->kind) {
    case AST_Name: case AST_Attribute: case AST_Subscript:
        n->ctx = ctx;
        return 0;
    case AST_Starred:
        if (ctx == CTX_Del) {
            what = "starred";
            break;
        }
        n->ctx = ctx;
        return parse_set_ctx(p, n->a, ctx);
    case AST_Tuple: case AST_List:
        n->ctx = ctx;
        for (int i = 0; i < n->l1.n; i++)
            if (parse_set_ctx(p, n->l1.items[i], ctx) < 0)
                return -1;
        return 0;
    case AST_Constant:
        what = n->ck == CONST_NONE || n->ck == CONST_TRUE || n->ck == CONST_FALSE
             ? (n->ck == CONST_NONE ? "None" : n->ck == CONST_TRUE ? "True" : "False") : "literal";
        break;
    case AST_Call: what = "function call"; break;
    case AST_Compare: what = "comparison"; break;
    case AST_BinOp: case AST_UnaryOp: case AST_BoolOp: what = "expression"; break;
    case AST_Lambda: what = "lambda"; break;
    case AST_IfExp: what = "conditional expression"; break;
    case AST_JoinedStr: what = "f-string expression"; break;
    case AST_Dict: what = "dict literal"; break;
    case AST_Set: what = "set display"; break;
    case AST_ListComp: what = "list comprehension"; break;
    case AST_DictComp: what = "dict comprehension"; break;
    case AST_SetComp: what = "set comprehension"; break;
    case AST_GeneratorExp: what = "generator expression"; break;
    case AST_NamedExpr: what = "named expression"; break;
    case AST_Yield: case AST_YieldFrom: what = "yield expression"; break;
    default: what = "expression"; break;
    }
    char msg[120];
    snprintf(msg, sizeof msg, "cannot %s %s", ctx == CTX_Del ? "delete" : "assign to", what);
    parse_error_at(p, &(Token){ .line = n->line, .col = n->col }, "SyntaxError", msg);
    return -1;
}

/* An assignment target: CPython suggests '==' when the target itself (not
 * a part of it) cannot be assigned to. */
int parse_set_assign_target(P *p, AstNode *n)
{
    if (parse_set_ctx(p, n, CTX_Store) == 0)
        return 0;
    int direct = n->kind != AST_Tuple && n->kind != AST_List && n->kind != AST_Starred;
    if (direct && strlen(p->err->msg) + 40 < sizeof p->err->msg)
        strcat(p->err->msg, " here. Maybe you meant '==' instead of '='?");
    return -1;
}

/* Parses an expression given as text (an f-string field). */
AstNode *parse_subexpression(P *p, const Token *at, const char *s, size_t n)
{
    Lexer lx;
    int count = 0;
    Token *toks = parse_tokenize(&lx, s, n, &count);
    if (!toks)
        return lx.error_type ? parse_error_at(p, at, "SyntaxError", "f-string: invalid syntax")
                             : parse_no_memory(p);
    for (int i = 0; i < count; i++)
        toks[i].line = at->line;     /* the field sits on the literal's line */
    P sub = { toks, count, 0, p->ar, p->err, 0, p->depth };
    AstNode *e = parse_star_expressions(&sub);
    while (e && (cur(&sub)->kind == TK_NEWLINE))
        advance(&sub);
    if (e && cur(&sub)->kind != TK_ENDMARKER)
        e = parse_error_at(&sub, cur(&sub), "SyntaxError", "f-string: invalid syntax");
    p->failed |= sub.failed;
    free(toks);
    return e;
}
