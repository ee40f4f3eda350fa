/* parse.h — what the three parts of the parser share (internal).
 *
 *   parser.c        statements, blocks, the entry point
 *   parse_expr.c    expressions, displays, calls, targets, parameters
 *   parse_literal.c strings, f-strings, numbers
 *
 * P is the parser's state over the pre-lexed token array; token helpers
 * are inline here; every other shared function carries the parse_ prefix.
 * On error a function sets p->failed (first error wins, in p->err) and
 * returns NULL or -1.
 */
#ifndef MP_PARSE_H
#define MP_PARSE_H

#include <string.h>
#include "lexer.h"
#include "parser.h"

typedef struct P {
    Token *toks;
    int n, pos;
    AstArena *ar;
    ParseError *err;
    int failed;
    int depth;
} P;

enum { MAX_DEPTH = 200 };

/* ---- tokens -------------------------------------------------------------- */

static inline Token *cur(P *p) { return &p->toks[p->pos]; }
static inline Token *ahead(P *p, int k) { return &p->toks[p->pos + k < p->n ? p->pos + k : p->n - 1]; }
static inline void advance(P *p) { if (p->pos < p->n - 1) p->pos++; }

static inline int tok_is_kw(const Token *t, const char *kw)
{
    return t->kind == TK_NAME && strlen(kw) == t->len && !memcmp(t->text, kw, t->len);
}

static inline int is_kw(P *p, const char *kw) { return tok_is_kw(cur(p), kw); }
static inline int is_op(P *p, TokOp op) { return cur(p)->kind == TK_OP && cur(p)->op == op; }

static inline int accept_op(P *p, TokOp op)
{
    if (!is_op(p, op))
        return 0;
    advance(p);
    return 1;
}

static inline int accept_kw(P *p, const char *kw)
{
    if (!is_kw(p, kw))
        return 0;
    advance(p);
    return 1;
}

/* errors and nodes (parser.c) */
void *parse_error_at(P *p, const Token *t, const char *type, const char *msg);
void *parse_syntax_error(P *p, const char *msg);
void *parse_unsupported(P *p, const Token *t, const char *what);
void *parse_no_memory(P *p);
int parse_expect_op(P *p, TokOp op, const char *what);
AstNode *parse_node(P *p, AstKind kind, const Token *t);
int parse_push(P *p, AstList *l, AstNode *n);
const char *parse_ident(P *p, const Token *t);
const char *parse_name(P *p);
int parse_is_keyword(const Token *t);
int parse_enter(P *p);
AstNode *parse_leave(P *p, AstNode *n);
/* Lexes a whole text into a malloc'd token array; NULL with the lexer's
 * error in *lx on failure. */
Token *parse_tokenize(Lexer *lx, const char *src, size_t len, int *count);

/* expressions (parse_expr.c) */
AstNode *parse_expression(P *p);
AstNode *parse_star_expressions(P *p);
AstNode *parse_named_expression(P *p);
AstNode *parse_star_expression(P *p);
AstNode *parse_star_named_expression(P *p);
AstNode *parse_bitwise_or(P *p);
AstNode *parse_disjunction(P *p);
int parse_set_ctx(P *p, AstNode *n, AstCtx ctx);
int parse_set_assign_target(P *p, AstNode *n);
AstNode *parse_for_target(P *p);
AstNode *parse_parameters(P *p, TokOp end, int annotations);
int parse_call_arguments(P *p, AstNode *call);
AstNode *parse_subexpression(P *p, const Token *at, const char *s, size_t n);

/* literals (parse_literal.c) */
typedef struct Buf { char *s; size_t n, cap; } Buf;   /* text in the tree's arena */
int parse_buf_put(P *p, Buf *b, const char *s, size_t n);
AstNode *parse_strings(P *p);
AstNode *parse_number(P *p);

#endif
