/* parser.c — recursive descent from tokens to the syntax tree (see parser.h).
 * Functions follow the rules of CPython's grammar (Grammar/python.gram) and
 * carry their names: disjunction, conjunction, inversion, comparison, ... */
#include <stdio.h>
#include <stdlib.h>
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

static Token *cur(P *p) { return &p->toks[p->pos]; }
static Token *ahead(P *p, int k) { return &p->toks[p->pos + k < p->n ? p->pos + k : p->n - 1]; }
static void advance(P *p) { if (p->pos < p->n - 1) p->pos++; }

static int tok_is_kw(const Token *t, const char *kw)
{
    return t->kind == TK_NAME && strlen(kw) == t->len && !memcmp(t->text, kw, t->len);
}

static int is_kw(P *p, const char *kw) { return tok_is_kw(cur(p), kw); }
static int is_op(P *p, TokOp op) { return cur(p)->kind == TK_OP && cur(p)->op == op; }

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
};

static int is_keyword(const Token *t)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (tok_is_kw(t, keywords[i]))
            return 1;
    return 0;
}

static void *error_at(P *p, const Token *t, const char *type, const char *msg)
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

static void *syntax_error(P *p, const char *msg) { return error_at(p, cur(p), "SyntaxError", msg); }

static void *unsupported(P *p, const Token *t, const char *what)
{
    char msg[160];
    snprintf(msg, sizeof msg, "'%s' is not supported by memplay (line %d)", what, t->line);
    return error_at(p, t, "SyntaxError", msg);
}

static void *no_memory(P *p) { return syntax_error(p, "out of memory while parsing"); }

static int accept_op(P *p, TokOp op)
{
    if (!is_op(p, op))
        return 0;
    advance(p);
    return 1;
}

static int accept_kw(P *p, const char *kw)
{
    if (!is_kw(p, kw))
        return 0;
    advance(p);
    return 1;
}

static int expect_op(P *p, TokOp op, const char *what)
{
    if (accept_op(p, op))
        return 1;
    char msg[60];
    snprintf(msg, sizeof msg, "expected '%s'", what);
    syntax_error(p, op == OP_COLON ? msg : "invalid syntax");
    return 0;
}

static AstNode *node_at(P *p, AstKind kind, const Token *t)
{
    AstNode *n = ast_node(p->ar, kind, t->line, t->col);
    if (!n)
        no_memory(p);
    return n;
}

static int push(P *p, AstList *l, AstNode *n)
{
    if (ast_list_push(p->ar, l, n) < 0) {
        no_memory(p);
        return -1;
    }
    return 0;
}

static const char *ident(P *p, const Token *t) { return ast_strdup(p->ar, t->text, t->len); }

/* A NAME that is not a keyword. */
static const char *name(P *p)
{
    Token *t = cur(p);
    if (t->kind != TK_NAME || is_keyword(t))
        return syntax_error(p, "invalid syntax");
    advance(p);
    return ident(p, t);
}

/* ---- expressions ---------------------------------------------------------- */

static AstNode *expression(P *p);
static AstNode *star_expressions(P *p);
static AstNode *named_expression(P *p);
static AstNode *disjunction(P *p);
static AstNode *bitwise_or(P *p);
static AstNode *star_expression(P *p);
static AstNode *star_named_expression(P *p);
static int set_ctx(P *p, AstNode *n, AstCtx ctx);
static int set_assign_target(P *p, AstNode *n);

static int enter(P *p)
{
    if (++p->depth > MAX_DEPTH) {
        error_at(p, cur(p), "SyntaxError", "too many nested parentheses");
        return 0;
    }
    return 1;
}

static AstNode *leave(P *p, AstNode *n)
{
    p->depth--;
    return p->failed ? NULL : n;
}

/* ---- literals ---------------------------------------------------------------- */

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

typedef struct Buf { char *s; size_t n, cap; } Buf;

static int buf_put(P *p, Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *d = ast_alloc(p->ar, cap);
        if (!d) {
            no_memory(p);
            return -1;
        }
        if (b->n)
            memcpy(d, b->s, b->n);
        b->s = d;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return 0;
}

static int buf_codepoint(P *p, Buf *b, unsigned c)
{
    char e[4];
    int n;
    if (c < 0x80) { e[0] = (char)c; n = 1; }
    else if (c < 0x800) { e[0] = (char)(0xc0 | c >> 6); e[1] = (char)(0x80 | (c & 0x3f)); n = 2; }
    else if (c < 0x10000) { e[0] = (char)(0xe0 | c >> 12); e[1] = (char)(0x80 | ((c >> 6) & 0x3f)); e[2] = (char)(0x80 | (c & 0x3f)); n = 3; }
    else { e[0] = (char)(0xf0 | c >> 18); e[1] = (char)(0x80 | ((c >> 12) & 0x3f)); e[2] = (char)(0x80 | ((c >> 6) & 0x3f)); e[3] = (char)(0x80 | (c & 0x3f)); n = 4; }
    return buf_put(p, b, e, (size_t)n);
}

/* Decodes the body of a (non-f) literal: escapes unless raw. */
static int decode_body(P *p, Buf *b, const char *s, size_t n, int raw, int bytes)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || raw) {
            if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
                continue;          /* newlines in literals are \n */
            if (buf_put(p, b, s[i] == '\r' ? "\n" : &s[i], 1) < 0)
                return -1;
            continue;
        }
        if (++i >= n)
            break;
        char c = s[i];
        unsigned v = 0;
        int digits = 0;
        switch (c) {
        case '\n': continue;
        case '\\': case '\'': case '"': buf_put(p, b, &c, 1); continue;
        case 'n': buf_put(p, b, "\n", 1); continue;
        case 't': buf_put(p, b, "\t", 1); continue;
        case 'r': buf_put(p, b, "\r", 1); continue;
        case 'a': buf_put(p, b, "\a", 1); continue;
        case 'b': buf_put(p, b, "\b", 1); continue;
        case 'f': buf_put(p, b, "\f", 1); continue;
        case 'v': buf_put(p, b, "\v", 1); continue;
        case 'x': digits = 2; break;
        case 'u': digits = bytes ? 0 : 4; break;
        case 'U': digits = bytes ? 0 : 8; break;
        default:
            if (c >= '0' && c <= '7') {
                int k = 0;
                while (k < 3 && i < n && s[i] >= '0' && s[i] <= '7')
                    v = v * 8 + (unsigned)(s[i++] - '0'), k++;
                i--;
                if (bytes) {
                    char ch = (char)v;
                    buf_put(p, b, &ch, 1);
                } else {
                    buf_codepoint(p, b, v);
                }
                continue;
            }
            /* unknown escape: kept as is (CPython warns) */
            buf_put(p, b, "\\", 1);
            buf_put(p, b, &c, 1);
            continue;
        }
        if (!digits) {
            buf_put(p, b, "\\", 1);
            buf_put(p, b, &c, 1);
            continue;
        }
        for (int k = 0; k < digits; k++) {
            int h = i + 1 + (size_t)k < n ? hexval((unsigned char)s[i + 1 + k]) : -1;
            if (h < 0) {
                syntax_error(p, bytes ? "(value error) invalid \\x escape"
                                      : "(unicode error) 'unicodeescape' codec can't decode bytes: truncated escape");
                return -1;
            }
            v = v * 16 + (unsigned)h;
        }
        i += (size_t)digits;
        if (bytes) {
            char ch = (char)v;
            buf_put(p, b, &ch, 1);
        } else {
            buf_codepoint(p, b, v);
        }
    }
    return p->failed ? -1 : 0;
}

typedef struct Lit {
    int raw, bytes, fstr;
    const char *body;
    size_t len;
} Lit;

static Lit split_literal(const Token *t)
{
    Lit l = { 0 };
    size_t i = 0;
    while (t->text[i] != '\'' && t->text[i] != '"') {
        char c = (char)(t->text[i] | 0x20);
        l.raw |= c == 'r';
        l.bytes |= c == 'b';
        l.fstr |= c == 'f';
        i++;
    }
    size_t q = (t->len - i >= 6 && t->text[i] == t->text[i + 1] && t->text[i] == t->text[i + 2]) ? 3 : 1;
    l.body = t->text + i + q;
    l.len = t->len - i - 2 * q;
    return l;
}

static AstNode *const_str(P *p, const Token *t, const char *s, size_t n)
{
    AstNode *c = node_at(p, AST_Constant, t);
    if (c) {
        c->ck = CONST_STR;
        c->s = s ? s : "";
        c->slen = n;
    }
    return c;
}

static AstNode *parse_subexpression(P *p, const Token *at, const char *s, size_t n);

/* f-string body to JoinedStr values; `pending` collects literal text. */
static int fstring_body(P *p, const Token *t, const char *s, size_t n, int raw,
                        AstList *values, Buf *pending);

static int flush_pending(P *p, const Token *t, AstList *values, Buf *pending)
{
    if (!pending->n)
        return 0;
    AstNode *c = const_str(p, t, pending->s, pending->n);
    pending->s = NULL;
    pending->n = pending->cap = 0;
    return c ? push(p, values, c) : -1;
}

static int fstring_field(P *p, const Token *t, const char *s, size_t n, size_t *i,
                         AstList *values, Buf *pending)
{
    size_t start = *i, depth = 0, equals = 0;
    char quote = 0;
    for (; *i < n; (*i)++) {
        char c = s[*i];
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '\'' || c == '"')
            quote = c;
        else if (c == '(' || c == '[' || c == '{')
            depth++;
        else if ((c == ')' || c == ']' || c == '}') && depth)
            depth--;
        else if (!depth && (c == '}' || c == ':' || (c == '!' && *i + 1 < n && s[*i + 1] != '=')))
            break;
        else if (!depth && c == '=' && *i + 1 < n && s[*i + 1] != '='
                 && !strchr("=!<>", s[*i - (*i > start)])) {
            /* f"{x=}": the text, then the value's repr */
            equals = *i;
            size_t k = *i + 1;
            while (k < n && s[k] == ' ')
                k++;
            if (k < n && (s[k] == '}' || s[k] == '!' || s[k] == ':')) {
                *i = k;
                break;
            }
            equals = 0;
        }
    }
    if (*i >= n) {
        syntax_error(p, "f-string: expecting '}'");
        return -1;
    }
    size_t end = equals ? equals : *i;
    if (equals && buf_put(p, pending, s + start, *i - start) < 0)
        return -1;
    while (end > start && (s[end - 1] == ' '))
        end--;
    if (end == start) {
        syntax_error(p, "f-string: empty expression not allowed");
        return -1;
    }
    AstNode *value = parse_subexpression(p, t, s + start, end - start);
    if (!value)
        return -1;
    AstNode *fv = node_at(p, AST_FormattedValue, t);
    if (!fv)
        return -1;
    fv->a = value;
    fv->i = equals && s[*i] != ':' ? 'r' : -1;
    if (s[*i] == '!') {
        char conv = *i + 1 < n ? s[*i + 1] : 0;
        if (conv != 's' && conv != 'r' && conv != 'a') {
            syntax_error(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
        fv->i = conv;
        *i += 2;
    }
    if (*i < n && s[*i] == ':') {
        (*i)++;
        size_t spec_start = *i;
        int d = 0;
        for (; *i < n; (*i)++) {
            if (s[*i] == '{')
                d++;
            else if (s[*i] == '}') {
                if (!d)
                    break;
                d--;
            }
        }
        AstNode *spec = node_at(p, AST_JoinedStr, t);
        Buf sp = { 0 };
        if (!spec || fstring_body(p, t, s + spec_start, *i - spec_start, 1, &spec->l1, &sp) < 0
            || flush_pending(p, t, &spec->l1, &sp) < 0)
            return -1;
        fv->b = spec;
    }
    if (*i >= n || s[*i] != '}') {
        syntax_error(p, "f-string: expecting '}'");
        return -1;
    }
    if (flush_pending(p, t, values, pending) < 0)
        return -1;
    return push(p, values, fv);
}

static int fstring_body(P *p, const Token *t, const char *s, size_t n, int raw,
                        AstList *values, Buf *pending)
{
    size_t lit = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '{' || s[i] == '}') {
            if (i + 1 < n && s[i + 1] == s[i]) {
                if (decode_body(p, pending, s + lit, i + 1 - lit, raw, 0) < 0)
                    return -1;
                i++;
                lit = i + 1;
                continue;
            }
            if (s[i] == '}') {
                syntax_error(p, "f-string: single '}' is not allowed");
                return -1;
            }
            if (decode_body(p, pending, s + lit, i - lit, raw, 0) < 0)
                return -1;
            i++;
            if (fstring_field(p, t, s, n, &i, values, pending) < 0)
                return -1;
            lit = i + 1;
        }
    }
    return decode_body(p, pending, s + lit, n - lit, raw, 0);
}

/* One or more adjacent string tokens: Constant or JoinedStr. */
static AstNode *strings(P *p)
{
    Token *first = cur(p);
    int any_f = 0, any_bytes = 0, all_bytes = 1;
    for (int k = 0; ahead(p, k)->kind == TK_STRING; k++) {
        Lit l = split_literal(ahead(p, k));
        any_f |= l.fstr;
        any_bytes |= l.bytes;
        all_bytes &= l.bytes;
    }
    if (any_bytes && !all_bytes)
        return syntax_error(p, "cannot mix bytes and nonbytes literals");
    Buf b = { 0 };
    AstNode *joined = any_f ? node_at(p, AST_JoinedStr, first) : NULL;
    if (any_f && !joined)
        return NULL;
    while (cur(p)->kind == TK_STRING) {
        Token *t = cur(p);
        Lit l = split_literal(t);
        int rc = l.fstr ? fstring_body(p, t, l.body, l.len, l.raw, &joined->l1, &b)
                        : decode_body(p, &b, l.body, l.len, l.raw, l.bytes);
        if (rc < 0)
            return NULL;
        advance(p);
    }
    if (joined)
        return flush_pending(p, first, &joined->l1, &b) < 0 ? NULL : joined;
    AstNode *c = const_str(p, first, b.s, b.n);
    if (c && all_bytes)
        c->ck = CONST_BYTES;
    if (c && (first->text[0] | 0x20) == 'u')
        c->s2 = "u";              /* ast records a u prefix as kind='u' */
    return c;
}

static AstNode *number(P *p)
{
    Token *t = cur(p);
    char text[128];
    size_t k = 0;
    for (size_t i = 0; i < t->len && k < sizeof text - 1; i++)
        if (t->text[i] != '_')
            text[k++] = t->text[i];
    text[k] = '\0';
    AstNode *c = node_at(p, AST_Constant, t);
    if (!c)
        return NULL;
    char last = (char)(text[k - 1] | 0x20);
    if (last == 'j')
        return unsupported(p, t, "complex numbers");
    int is_float = 0;
    if (!(k > 1 && text[0] == '0' && strchr("xXoObB", text[1])))
        is_float = strpbrk(text, ".eE") != NULL;
    if (is_float) {
        c->ck = CONST_FLOAT;
        c->f = strtod(text, NULL);
    } else {
        int base = 10;
        const char *digits = text;
        if (k > 1 && text[0] == '0' && strchr("xXoObB", text[1])) {
            base = (text[1] | 0x20) == 'x' ? 16 : (text[1] | 0x20) == 'o' ? 8 : 2;
            digits = text + 2;
        } else if (k > 1 && text[0] == '0' && strspn(text, "0") != k) {
            return syntax_error(p, "leading zeros in decimal integer literals are not permitted; "
                                   "use an 0o prefix for octal integers");
        }
        uint64_t v = 0;
        for (const char *d = digits; *d; d++) {
            int h = hexval((unsigned char)*d);
            if (h < 0 || h >= base)
                return syntax_error(p, "invalid syntax");
            if (v > (UINT64_MAX - (uint64_t)h) / (uint64_t)base || v * (uint64_t)base + (uint64_t)h > (uint64_t)INT64_MAX)
                return unsupported(p, t, "integers beyond 64 bits");
            v = v * (uint64_t)base + (uint64_t)h;
        }
        c->ck = CONST_INT;
        c->i = (int64_t)v;
    }
    advance(p);
    return c;
}

/* ---- atoms and displays ------------------------------------------------------ */

static int for_if_clauses(P *p, AstList *gens);

/* After '(' / '[' / '{' and a first element: comprehension or display. */
static AstNode *comprehension_of(P *p, AstKind kind, const Token *t, AstNode *elt)
{
    AstNode *c = node_at(p, kind, t);
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
        if (!e || push(p, into, e) < 0)
            return -1;
    }
    return 0;
}

static AstNode *paren(P *p, const Token *t)
{
    if (accept_op(p, OP_RPAR)) {
        AstNode *tup = node_at(p, AST_Tuple, t);
        if (tup)
            tup->ctx = CTX_Load;
        return tup;
    }
    if (is_kw(p, "yield"))
        return unsupported(p, cur(p), "yield expression in parentheses");
    AstNode *first = is_op(p, OP_STAR) ? star_expression(p) : named_expression(p);
    if (!first)
        return NULL;
    if (is_kw(p, "for")) {
        AstNode *g = comprehension_of(p, AST_GeneratorExp, t, first);
        return g && expect_op(p, OP_RPAR, ")") ? g : NULL;
    }
    if (accept_op(p, OP_RPAR)) {
        if (first->kind == AST_Starred)
            return syntax_error(p, "cannot use starred expression here");
        return first;
    }
    AstNode *tup = node_at(p, AST_Tuple, t);
    if (!tup || push(p, &tup->l1, first) < 0)
        return NULL;
    tup->ctx = CTX_Load;
    if (rest_of_list(p, &tup->l1, OP_RPAR, star_named_expression) < 0)
        return NULL;
    return expect_op(p, OP_RPAR, ")") ? tup : NULL;
}

static AstNode *list_display(P *p, const Token *t)
{
    AstNode *l = node_at(p, AST_List, t);
    if (!l)
        return NULL;
    l->ctx = CTX_Load;
    if (accept_op(p, OP_RSQB))
        return l;
    AstNode *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (is_kw(p, "for")) {
        AstNode *c = comprehension_of(p, AST_ListComp, t, first);
        return c && expect_op(p, OP_RSQB, "]") ? c : NULL;
    }
    if (push(p, &l->l1, first) < 0)
        return NULL;
    if (rest_of_list(p, &l->l1, OP_RSQB, star_named_expression) < 0)
        return NULL;
    return expect_op(p, OP_RSQB, "]") ? l : NULL;
}

static AstNode *brace_display(P *p, const Token *t)
{
    AstNode *d = node_at(p, AST_Dict, t);
    if (!d)
        return NULL;
    if (accept_op(p, OP_RBRACE))
        return d;
    if (accept_op(p, OP_DOUBLESTAR)) {
        AstNode *v = bitwise_or(p);
        if (!v || push(p, &d->l1, NULL) < 0 || push(p, &d->l2, v) < 0)
            return NULL;
    } else {
        AstNode *first = is_op(p, OP_STAR) ? star_expression(p) : named_expression(p);
        if (!first)
            return NULL;
        if (!accept_op(p, OP_COLON)) {
            /* a set */
            if (is_kw(p, "for")) {
                AstNode *c = comprehension_of(p, AST_SetComp, t, first);
                return c && expect_op(p, OP_RBRACE, "}") ? c : NULL;
            }
            AstNode *s = node_at(p, AST_Set, t);
            if (!s || push(p, &s->l1, first) < 0)
                return NULL;
            if (rest_of_list(p, &s->l1, OP_RBRACE, star_named_expression) < 0)
                return NULL;
            return expect_op(p, OP_RBRACE, "}") ? s : NULL;
        }
        AstNode *v = expression(p);
        if (!v)
            return NULL;
        if (is_kw(p, "for")) {
            AstNode *c = node_at(p, AST_DictComp, t);
            if (!c)
                return NULL;
            c->a = first;
            c->b = v;
            if (for_if_clauses(p, &c->l1) < 0)
                return NULL;
            return expect_op(p, OP_RBRACE, "}") ? c : NULL;
        }
        if (push(p, &d->l1, first) < 0 || push(p, &d->l2, v) < 0)
            return NULL;
    }
    while (accept_op(p, OP_COMMA) && !is_op(p, OP_RBRACE)) {
        if (accept_op(p, OP_DOUBLESTAR)) {
            AstNode *v = bitwise_or(p);
            if (!v || push(p, &d->l1, NULL) < 0 || push(p, &d->l2, v) < 0)
                return NULL;
            continue;
        }
        AstNode *k = expression(p);
        if (!k || !expect_op(p, OP_COLON, ":"))
            return NULL;
        AstNode *v = expression(p);
        if (!v || push(p, &d->l1, k) < 0 || push(p, &d->l2, v) < 0)
            return NULL;
    }
    return expect_op(p, OP_RBRACE, "}") ? d : NULL;
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
                AstNode *c = node_at(p, AST_Constant, t);
                if (c)
                    c->ck = consts[i].ck;
                advance(p);
                return c;
            }
        if (tok_is_kw(t, "await"))
            return unsupported(p, t, "await");
        if (tok_is_kw(t, "async"))
            return unsupported(p, t, "async");
        if (is_keyword(t))
            return syntax_error(p, "invalid syntax");
        AstNode *n = node_at(p, AST_Name, t);
        if (!n)
            return NULL;
        n->s = ident(p, t);
        n->ctx = CTX_Load;
        advance(p);
        return n;
    }
    if (t->kind == TK_NUMBER)
        return number(p);
    if (t->kind == TK_STRING)
        return strings(p);
    if (t->kind == TK_OP) {
        advance(p);
        switch (t->op) {
        case OP_LPAR: return paren(p, t);
        case OP_LSQB: return list_display(p, t);
        case OP_LBRACE: return brace_display(p, t);
        case OP_ELLIPSIS: {
            AstNode *c = node_at(p, AST_Constant, t);
            if (c)
                c->ck = CONST_ELLIPSIS;
            return c;
        }
        default: break;
        }
        p->pos--;
    }
    if (t->kind == TK_NEWLINE || t->kind == TK_ENDMARKER)
        return syntax_error(p, "invalid syntax");
    return syntax_error(p, "invalid syntax");
}

/* ---- calls, subscripts, attributes -------------------------------------------- */

static int call_arguments(P *p, AstNode *call)
{
    int seen_keyword = 0;
    while (!is_op(p, OP_RPAR)) {
        Token *t = cur(p);
        if (accept_op(p, OP_STAR)) {
            AstNode *s = node_at(p, AST_Starred, t);
            if (!s || !(s->a = expression(p)))
                return -1;
            s->ctx = CTX_Load;
            if (push(p, &call->l1, s) < 0)
                return -1;
        } else if (accept_op(p, OP_DOUBLESTAR)) {
            AstNode *k = node_at(p, AST_keyword, t);
            if (!k || !(k->a = expression(p)) || push(p, &call->l2, k) < 0)
                return -1;
            seen_keyword = 1;
        } else if (t->kind == TK_NAME && ahead(p, 1)->kind == TK_OP && ahead(p, 1)->op == OP_EQUAL) {
            AstNode *k = node_at(p, AST_keyword, t);
            if (!k)
                return -1;
            if (!(k->s = name(p)))
                return -1;
            advance(p);    /* = */
            if (!(k->a = expression(p)) || push(p, &call->l2, k) < 0)
                return -1;
            seen_keyword = 1;
        } else {
            AstNode *e = named_expression(p);
            if (!e)
                return -1;
            if (is_kw(p, "for")) {
                AstNode *g = comprehension_of(p, AST_GeneratorExp, t, e);
                if (!g)
                    return -1;
                e = g;
            }
            if (seen_keyword) {
                syntax_error(p, "positional argument follows keyword argument");
                return -1;
            }
            if (push(p, &call->l1, e) < 0)
                return -1;
        }
        if (!accept_op(p, OP_COMMA))
            break;
    }
    return expect_op(p, OP_RPAR, ")") ? 0 : -1;
}

static AstNode *slice_item(P *p)
{
    Token *t = cur(p);
    AstNode *lower = NULL;
    if (!is_op(p, OP_COLON)) {
        lower = is_op(p, OP_STAR) ? star_expression(p) : named_expression(p);
        if (!lower || !is_op(p, OP_COLON))
            return lower;
    }
    AstNode *s = node_at(p, AST_Slice, t);
    if (!s)
        return NULL;
    s->a = lower;
    advance(p);   /* : */
    if (!is_op(p, OP_COLON) && !is_op(p, OP_RSQB) && !is_op(p, OP_COMMA) && !(s->b = expression(p)))
        return NULL;
    if (accept_op(p, OP_COLON) && !is_op(p, OP_RSQB) && !is_op(p, OP_COMMA) && !(s->c = expression(p)))
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
    AstNode *tup = node_at(p, AST_Tuple, t);
    if (!tup || push(p, &tup->l1, first) < 0)
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
            AstNode *a = node_at(p, AST_Attribute, start);
            if (!a)
                return NULL;
            a->a = e;
            if (!(a->s = name(p)))
                return NULL;
            a->ctx = CTX_Load;
            e = a;
        } else if (accept_op(p, OP_LPAR)) {
            AstNode *c = node_at(p, AST_Call, start);
            if (!c)
                return NULL;
            c->a = e;
            if (call_arguments(p, c) < 0)
                return NULL;
            e = c;
        } else if (accept_op(p, OP_LSQB)) {
            AstNode *s = node_at(p, AST_Subscript, start);
            if (!s)
                return NULL;
            s->a = e;
            if (!(s->b = slices(p, t)) || !expect_op(p, OP_RSQB, "]"))
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
        AstNode *b = node_at(p, AST_BinOp, t);
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
    if (!enter(p))
        return NULL;
    AstNode *u = node_at(p, AST_UnaryOp, t);
    if (u) {
        u->op = op;
        u->a = factor(p);
    }
    return leave(p, u);
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
        AstNode *b = node_at(p, AST_BinOp, t);
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

static AstNode *bitwise_or(P *p)
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
    AstNode *left = bitwise_or(p);
    if (!left)
        return NULL;
    AstNode *c = NULL;
    for (AstOp op; (op = compare_op(p)) != OPK_NONE;) {
        if (!c) {
            if (!(c = node_at(p, AST_Compare, t)))
                return NULL;
            c->a = left;
        }
        AstNode *opn = node_at(p, AST_Compare, t);   /* holds the operator */
        AstNode *right = bitwise_or(p);
        if (!opn || !right)
            return NULL;
        opn->op = op;
        if (push(p, &c->l2, opn) < 0 || push(p, &c->l1, right) < 0)
            return NULL;
    }
    return c ? c : left;
}

static AstNode *inversion(P *p)
{
    Token *t = cur(p);
    if (!accept_kw(p, "not"))
        return comparison(p);
    if (!enter(p))
        return NULL;
    AstNode *u = node_at(p, AST_UnaryOp, t);
    if (u) {
        u->op = OPK_Not;
        u->a = inversion(p);
    }
    return leave(p, u);
}

static AstNode *boolop(P *p, AstNode *(*operand)(P *), const char *kw, AstOp op)
{
    Token *t = cur(p);
    AstNode *first = operand(p);
    if (!first || !is_kw(p, kw))
        return first;
    AstNode *b = node_at(p, AST_BoolOp, t);
    if (!b || push(p, &b->l1, first) < 0)
        return NULL;
    b->op = op;
    while (accept_kw(p, kw)) {
        AstNode *e = operand(p);
        if (!e || push(p, &b->l1, e) < 0)
            return NULL;
    }
    return b;
}

static AstNode *conjunction(P *p) { return boolop(p, inversion, "and", OPK_And); }
static AstNode *disjunction(P *p) { return boolop(p, conjunction, "or", OPK_Or); }

/* ---- lambda and function parameters ---------------------------------------------- */

/* Parameters up to `end` (':' for lambda, ')' for def); annotations only
 * for def. */
static AstNode *parameters(P *p, TokOp end, int annotations)
{
    AstNode *args = node_at(p, AST_arguments, cur(p));
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
                AstNode *a = node_at(p, AST_arg, cur(p));
                if (!a || !(a->s = name(p)))
                    return NULL;
                if (annotations && accept_op(p, OP_COLON) && !(a->a = expression(p)))
                    return NULL;
                if (kwarg)
                    args->b = a;
                else {
                    args->a = a;
                    after_star = 1;
                }
            }
        } else {
            AstNode *a = node_at(p, AST_arg, t);
            if (!a || !(a->s = name(p)))
                return NULL;
            if (annotations && accept_op(p, OP_COLON) && !(a->a = expression(p)))
                return NULL;
            AstNode *def = NULL;
            if (accept_op(p, OP_EQUAL) && !(def = expression(p)))
                return NULL;
            if (after_star) {
                if (push(p, &args->l3, a) < 0 || push(p, &args->l4, def) < 0)
                    return NULL;
            } else {
                if (def)
                    seen_default = 1;
                else if (seen_default)
                    return syntax_error(p, "non-default argument follows default argument");
                if (push(p, &args->l2, a) < 0 || (def && push(p, &args->l5, def) < 0))
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
    AstNode *l = node_at(p, AST_Lambda, t);
    if (!l || !(l->a = parameters(p, OP_COLON, 0)) || !expect_op(p, OP_COLON, ":"))
        return NULL;
    l->b = expression(p);
    return p->failed ? NULL : l;
}

static AstNode *expression(P *p)
{
    if (!enter(p))
        return NULL;
    if (is_kw(p, "lambda"))
        return leave(p, lambdef(p));
    Token *t = cur(p);
    AstNode *body = disjunction(p);
    if (body && accept_kw(p, "if")) {
        AstNode *e = node_at(p, AST_IfExp, t);
        if (!e)
            return leave(p, NULL);
        e->b = body;
        if (!(e->a = disjunction(p)))
            return leave(p, NULL);
        if (!accept_kw(p, "else"))
            return leave(p, syntax_error(p, "expected 'else' after 'if' expression"));
        e->c = expression(p);
        return leave(p, e);
    }
    return leave(p, body);
}

static AstNode *named_expression(P *p)
{
    Token *t = cur(p);
    if (t->kind == TK_NAME && ahead(p, 1)->kind == TK_OP && ahead(p, 1)->op == OP_COLONEQUAL) {
        AstNode *n = node_at(p, AST_NamedExpr, t);
        AstNode *target = node_at(p, AST_Name, t);
        if (!n || !target || !(target->s = name(p)))
            return NULL;
        target->ctx = CTX_Store;
        advance(p);   /* := */
        n->a = target;
        n->b = expression(p);
        return p->failed ? NULL : n;
    }
    return expression(p);
}

static AstNode *star_expression(P *p)
{
    Token *t = cur(p);
    if (accept_op(p, OP_STAR)) {
        AstNode *s = node_at(p, AST_Starred, t);
        if (!s || !(s->a = bitwise_or(p)))
            return NULL;
        s->ctx = CTX_Load;
        return s;
    }
    return expression(p);
}

/* star_named_expression: an element of a list, set or parenthesized tuple */
static AstNode *star_named_expression(P *p)
{
    return is_op(p, OP_STAR) ? star_expression(p) : named_expression(p);
}

/* star_expressions: a, *b, c  (a bare tuple when there is a comma) */
static AstNode *star_expressions(P *p)
{
    Token *t = cur(p);
    AstNode *first = star_expression(p);
    if (!first || !is_op(p, OP_COMMA))
        return first;
    AstNode *tup = node_at(p, AST_Tuple, t);
    if (!tup || push(p, &tup->l1, first) < 0)
        return NULL;
    tup->ctx = CTX_Load;
    while (accept_op(p, OP_COMMA)) {
        if (is_op(p, OP_EQUAL) || is_op(p, OP_RPAR) || cur(p)->kind == TK_NEWLINE || is_op(p, OP_SEMI)
            || is_op(p, OP_COLON) || is_op(p, OP_RSQB) || is_kw(p, "in"))
            break;
        AstNode *e = star_expression(p);
        if (!e || push(p, &tup->l1, e) < 0)
            return NULL;
    }
    return tup;
}

/* The target of a for: star_targets, which stop before 'in'. */
static AstNode *target_item(P *p)
{
    Token *t = cur(p);
    if (accept_op(p, OP_STAR)) {
        AstNode *s = node_at(p, AST_Starred, t);
        if (!s || !(s->a = bitwise_or(p)))
            return NULL;
        return s;
    }
    return bitwise_or(p);
}

static AstNode *for_target(P *p)
{
    Token *t = cur(p);
    AstNode *first = target_item(p);
    if (first && is_op(p, OP_COMMA)) {
        AstNode *tup = node_at(p, AST_Tuple, t);
        if (!tup || push(p, &tup->l1, first) < 0)
            return NULL;
        while (accept_op(p, OP_COMMA) && !is_kw(p, "in")) {
            AstNode *e = target_item(p);
            if (!e || push(p, &tup->l1, e) < 0)
                return NULL;
        }
        first = tup;
    }
    if (first && set_ctx(p, first, CTX_Store) < 0)
        return NULL;
    return first;
}

/* for x in y if c ... */
static int for_if_clauses(P *p, AstList *gens)
{
    while (is_kw(p, "for") || is_kw(p, "async")) {
        if (is_kw(p, "async")) {
            unsupported(p, cur(p), "async for");
            return -1;
        }
        Token *t = cur(p);
        advance(p);
        AstNode *c = node_at(p, AST_comprehension, t);
        if (!c)
            return -1;
        if (!(c->a = for_target(p)))
            return -1;
        if (!accept_kw(p, "in")) {
            syntax_error(p, "invalid syntax");
            return -1;
        }
        if (!(c->b = disjunction(p)))
            return -1;
        while (accept_kw(p, "if")) {
            AstNode *cond = disjunction(p);
            if (!cond || push(p, &c->l1, cond) < 0)
                return -1;
        }
        if (push(p, gens, c) < 0)
            return -1;
    }
    return 0;
}

/* Marks an expression as an assignment (or del) target. */
static int set_ctx(P *p, AstNode *n, AstCtx ctx)
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
        return set_ctx(p, n->a, ctx);
    case AST_Tuple: case AST_List:
        n->ctx = ctx;
        for (int i = 0; i < n->l1.n; i++)
            if (set_ctx(p, n->l1.items[i], ctx) < 0)
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
    error_at(p, &(Token){ .line = n->line, .col = n->col }, "SyntaxError", msg);
    return -1;
}

/* An assignment target: CPython suggests '==' when the target itself (not
 * a part of it) cannot be assigned to. */
static int set_assign_target(P *p, AstNode *n)
{
    if (set_ctx(p, n, CTX_Store) == 0)
        return 0;
    int direct = n->kind != AST_Tuple && n->kind != AST_List && n->kind != AST_Starred;
    if (direct && strlen(p->err->msg) + 40 < sizeof p->err->msg)
        strcat(p->err->msg, " here. Maybe you meant '==' instead of '='?");
    return -1;
}

/* Parses an expression given as text (an f-string field). */
static AstNode *parse_subexpression(P *p, const Token *at, const char *s, size_t n)
{
    Lexer lx;
    lexer_init(&lx, s, n);
    int cap = 16, count = 0;
    Token *toks = malloc((size_t)cap * sizeof *toks);
    for (;;) {
        if (!toks) {
            no_memory(p);
            return NULL;
        }
        if (count == cap) {
            Token *more = realloc(toks, (size_t)(cap *= 2) * sizeof *toks);
            if (!more)
                free(toks);
            toks = more;
            continue;
        }
        TokKind k = lexer_next(&lx, &toks[count]);
        if (k == TK_ERROR) {
            free(toks);
            return error_at(p, at, "SyntaxError", "f-string: invalid syntax");
        }
        /* the field sits on the literal's line */
        toks[count].line = at->line;
        count++;
        if (k == TK_ENDMARKER)
            break;
    }
    P sub = { toks, count, 0, p->ar, p->err, 0, p->depth };
    AstNode *e = star_expressions(&sub);
    while (e && (cur(&sub)->kind == TK_NEWLINE))
        advance(&sub);
    if (e && cur(&sub)->kind != TK_ENDMARKER)
        e = error_at(&sub, cur(&sub), "SyntaxError", "f-string: invalid syntax");
    p->failed |= sub.failed;
    free(toks);
    return e;
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
    syntax_error(p, "invalid syntax");
    return -1;
}

static int simple_stmts(P *p, AstList *into)
{
    for (;;) {
        AstNode *s = simple_stmt(p);
        if (!s || push(p, into, s) < 0)
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
    AstNode *g = node_at(p, kind, t);
    if (!g)
        return NULL;
    do {
        AstNode *n = node_at(p, AST_Name, cur(p));
        if (!n || !(n->s = name(p)) || push(p, &g->l1, n) < 0)
            return NULL;
    } while (accept_op(p, OP_COMMA));
    return g;
}

static const char *dotted_name(P *p)
{
    const char *first = name(p);
    if (!first)
        return NULL;
    Buf b = { 0 };
    if (buf_put(p, &b, first, strlen(first)) < 0)
        return NULL;
    while (accept_op(p, OP_DOT)) {
        const char *next = name(p);
        if (!next || buf_put(p, &b, ".", 1) < 0 || buf_put(p, &b, next, strlen(next)) < 0)
            return NULL;
    }
    return b.s;
}

static AstNode *import_stmt(P *p, const Token *t)
{
    AstNode *imp = node_at(p, AST_Import, t);
    if (!imp)
        return NULL;
    do {
        AstNode *a = node_at(p, AST_alias, cur(p));
        if (!a || !(a->s = dotted_name(p)))
            return NULL;
        if (accept_kw(p, "as") && !(a->s2 = name(p)))
            return NULL;
        if (push(p, &imp->l1, a) < 0)
            return NULL;
    } while (accept_op(p, OP_COMMA));
    return imp;
}

static AstNode *from_stmt(P *p, const Token *t)
{
    AstNode *imp = node_at(p, AST_ImportFrom, t);
    if (!imp)
        return NULL;
    while (is_op(p, OP_DOT) || is_op(p, OP_ELLIPSIS)) {
        imp->i += is_op(p, OP_DOT) ? 1 : 3;
        advance(p);
    }
    if (!is_kw(p, "import") && !(imp->s = dotted_name(p)))
        return NULL;
    if (!accept_kw(p, "import"))
        return syntax_error(p, "invalid syntax");
    if (is_op(p, OP_STAR))
        return unsupported(p, cur(p), "from ... import *");
    int parens = accept_op(p, OP_LPAR);
    do {
        if (parens && is_op(p, OP_RPAR))
            break;
        AstNode *a = node_at(p, AST_alias, cur(p));
        if (!a || !(a->s = name(p)))
            return NULL;
        if (accept_kw(p, "as") && !(a->s2 = name(p)))
            return NULL;
        if (push(p, &imp->l1, a) < 0)
            return NULL;
    } while (accept_op(p, OP_COMMA));
    if (parens && !expect_op(p, OP_RPAR, ")"))
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
        AstNode *y = node_at(p, AST_YieldFrom, t);
        if (y)
            y->a = expression(p);
        return p->failed ? NULL : y;
    }
    AstNode *y = node_at(p, AST_Yield, t);
    if (y && cur(p)->kind != TK_NEWLINE && !is_op(p, OP_SEMI) && !is_op(p, OP_RPAR) && !is_op(p, OP_EQUAL))
        y->a = star_expressions(p);
    return p->failed ? NULL : y;
}

/* Expression statements, assignments and augmented assignments. */
static AstNode *expr_stmt(P *p)
{
    Token *t = cur(p);
    AstNode *first = is_kw(p, "yield") ? yield_expr(p) : star_expressions(p);
    if (!first)
        return NULL;
    for (size_t i = 0; i < sizeof augops / sizeof augops[0]; i++)
        if (accept_op(p, augops[i].tok)) {
            if (first->kind != AST_Name && first->kind != AST_Attribute && first->kind != AST_Subscript) {
                char msg[80];
                snprintf(msg, sizeof msg, "'%s' is an illegal expression for augmented assignment",
                         first->kind == AST_Tuple ? "tuple" : first->kind == AST_List ? "list" : "expression");
                return error_at(p, t, "SyntaxError", msg);
            }
            AstNode *a = node_at(p, AST_AugAssign, t);
            if (!a || set_ctx(p, first, CTX_Store) < 0)
                return NULL;
            a->a = first;
            a->op = augops[i].op;
            a->b = is_kw(p, "yield") ? yield_expr(p) : star_expressions(p);
            return p->failed ? NULL : a;
        }
    if (is_op(p, OP_COLON)) {
        advance(p);
        AstNode *a = node_at(p, AST_AnnAssign, t);
        if (!a || set_ctx(p, first, CTX_Store) < 0)
            return NULL;
        a->a = first;
        a->i = first->kind == AST_Name;
        if (!(a->b = expression(p)))
            return NULL;
        if (accept_op(p, OP_EQUAL) && !(a->c = star_expressions(p)))
            return NULL;
        return a;
    }
    if (first->kind == AST_Name && !strcmp(first->s, "print")
        && (cur(p)->kind == TK_STRING || cur(p)->kind == TK_NAME || cur(p)->kind == TK_NUMBER))
        return error_at(p, t, "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?");
    if (!is_op(p, OP_EQUAL)) {
        AstNode *e = node_at(p, AST_Expr, t);
        if (e)
            e->a = first;
        return e;
    }
    AstNode *a = node_at(p, AST_Assign, t);
    if (!a)
        return NULL;
    AstNode *value = first;
    while (accept_op(p, OP_EQUAL)) {
        if (set_assign_target(p, value) < 0 || push(p, &a->l1, value) < 0)
            return NULL;
        value = is_kw(p, "yield") ? yield_expr(p) : star_expressions(p);
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
        if (accept_kw(p, "pass")) return node_at(p, AST_Pass, t);
        if (accept_kw(p, "break")) return node_at(p, AST_Break, t);
        if (accept_kw(p, "continue")) return node_at(p, AST_Continue, t);
        if (accept_kw(p, "return")) {
            AstNode *r = node_at(p, AST_Return, t);
            if (r && cur(p)->kind != TK_NEWLINE && !is_op(p, OP_SEMI) && cur(p)->kind != TK_ENDMARKER)
                r->a = star_expressions(p);
            return p->failed ? NULL : r;
        }
        if (accept_kw(p, "raise")) {
            AstNode *r = node_at(p, AST_Raise, t);
            if (r && cur(p)->kind != TK_NEWLINE && !is_op(p, OP_SEMI) && cur(p)->kind != TK_ENDMARKER) {
                if (!(r->a = expression(p)))
                    return NULL;
                if (accept_kw(p, "from") && !(r->b = expression(p)))
                    return NULL;
            }
            return r;
        }
        if (accept_kw(p, "global")) return names_stmt(p, AST_Global, t);
        if (accept_kw(p, "nonlocal")) return names_stmt(p, AST_Nonlocal, t);
        if (accept_kw(p, "del")) {
            AstNode *d = node_at(p, AST_Delete, t);
            if (!d)
                return NULL;
            do {
                if (cur(p)->kind == TK_NEWLINE || is_op(p, OP_SEMI))
                    break;
                AstNode *target = bitwise_or(p);
                if (!target || set_ctx(p, target, CTX_Del) < 0 || push(p, &d->l1, target) < 0)
                    return NULL;
            } while (accept_op(p, OP_COMMA));
            return d;
        }
        if (accept_kw(p, "assert")) {
            AstNode *a = node_at(p, AST_Assert, t);
            if (!a || !(a->a = expression(p)))
                return NULL;
            if (accept_op(p, OP_COMMA) && !(a->b = expression(p)))
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
    AstNode *s = node_at(p, AST_If, t);
    if (!s || !(s->a = named_expression(p)) || block(p, &s->l1, elif ? "'elif' statement" : "'if' statement", t->line) < 0)
        return NULL;
    Token *e = cur(p);
    if (accept_kw(p, "elif")) {
        AstNode *next = if_stmt(p, e, 1);
        if (!next || push(p, &s->l2, next) < 0)
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
    AstNode *s = node_at(p, AST_While, t);
    if (!s || !(s->a = named_expression(p)) || block(p, &s->l1, "'while' statement", t->line) < 0)
        return NULL;
    return else_block(p, &s->l2) < 0 ? NULL : s;
}

static AstNode *for_stmt(P *p, const Token *t)
{
    AstNode *s = node_at(p, AST_For, t);
    if (!s)
        return NULL;
    if (!(s->a = for_target(p)))
        return NULL;
    if (!accept_kw(p, "in"))
        return syntax_error(p, "invalid syntax");
    if (!(s->b = star_expressions(p)) || block(p, &s->l1, "'for' statement", t->line) < 0)
        return NULL;
    return else_block(p, &s->l2) < 0 ? NULL : s;
}

static AstNode *try_stmt(P *p, const Token *t)
{
    AstNode *s = node_at(p, AST_Try, t);
    if (!s || block(p, &s->l1, "'try' statement", t->line) < 0)
        return NULL;
    while (is_kw(p, "except")) {
        Token *et = cur(p);
        advance(p);
        if (is_op(p, OP_STAR))
            return unsupported(p, cur(p), "except*");
        AstNode *h = node_at(p, AST_ExceptHandler, et);
        if (!h)
            return NULL;
        if (!is_op(p, OP_COLON)) {
            if (!(h->a = expression(p)))
                return NULL;
            if (is_op(p, OP_COMMA)) {
                /* except A, B: -> a tuple, as CPython parses it */
                return syntax_error(p, "multiple exception types must be parenthesized");
            }
            if (accept_kw(p, "as") && !(h->s = name(p)))
                return NULL;
        }
        if (block(p, &h->l1, "'except' statement", et->line) < 0 || push(p, &s->l2, h) < 0)
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
        return syntax_error(p, "expected 'except' or 'finally' block");
    return s;
}

static AstNode *with_stmt(P *p, const Token *t)
{
    AstNode *s = node_at(p, AST_With, t);
    if (!s)
        return NULL;
    do {
        AstNode *item = node_at(p, AST_withitem, cur(p));
        if (!item || !(item->a = expression(p)))
            return NULL;
        if (accept_kw(p, "as")) {
            AstNode *target = star_expression(p);
            if (!target || set_ctx(p, target, CTX_Store) < 0)
                return NULL;
            item->b = target;
        }
        if (push(p, &s->l1, item) < 0)
            return NULL;
    } while (accept_op(p, OP_COMMA));
    return block(p, &s->l2, "'with' statement", t->line) < 0 ? NULL : s;
}

static AstNode *funcdef(P *p, const Token *t, AstList *decorators)
{
    AstNode *f = node_at(p, AST_FunctionDef, t);
    if (!f || !(f->s = name(p)) || !expect_op(p, OP_LPAR, "("))
        return NULL;
    if (!(f->a = parameters(p, OP_RPAR, 1)) || !expect_op(p, OP_RPAR, ")"))
        return NULL;
    if (accept_op(p, OP_RARROW) && !(f->b = expression(p)))
        return NULL;
    if (decorators)
        f->l2 = *decorators;
    return block(p, &f->l1, "function definition", t->line) < 0 ? NULL : f;
}

static AstNode *classdef(P *p, const Token *t, AstList *decorators)
{
    AstNode *c = node_at(p, AST_ClassDef, t);
    if (!c || !(c->s = name(p)))
        return NULL;
    if (accept_op(p, OP_LPAR)) {
        AstNode call = { 0 };
        if (call_arguments(p, &call) < 0)
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
            AstNode *d = named_expression(p);
            if (!d || push(p, &decorators, d) < 0)
                return NULL;
            if (cur(p)->kind != TK_NEWLINE)
                return syntax_error(p, "invalid syntax");
            advance(p);
        }
        Token *dt = cur(p);
        if (accept_kw(p, "def")) return funcdef(p, dt, &decorators);
        if (accept_kw(p, "class")) return classdef(p, dt, &decorators);
        return syntax_error(p, "invalid syntax");
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
        unsupported(p, t, tok_is_kw(ahead(p, 1), "def") ? "async def" : "async");
        return -1;
    }
    if (t->kind == TK_NAME && t->len == 5 && !memcmp(t->text, "match", 5)
        && ahead(p, 1)->kind != TK_OP && ahead(p, 1)->kind != TK_NEWLINE) {
        unsupported(p, t, "match");
        return -1;
    }
    if (t->kind == TK_INDENT) {
        error_at(p, t, "IndentationError", "unexpected indent");
        return -1;
    }
    if (is_compound_start(p)) {
        AstNode *s = compound_stmt(p);
        return s ? push(p, into, s) : -1;
    }
    return simple_stmts(p, into);
}

/* ':' then either simple statements on the same line or an indented block;
 * `what` names the statement for CPython's "expected an indented block
 * after 'if' statement on line N". */
static int block(P *p, AstList *body, const char *what, int line)
{
    if (!accept_op(p, OP_COLON)) {
        syntax_error(p, "expected ':'");
        return -1;
    }
    if (cur(p)->kind != TK_NEWLINE)
        return simple_stmts(p, body);
    advance(p);
    if (cur(p)->kind != TK_INDENT) {
        char msg[120];
        snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what, line);
        error_at(p, cur(p), "IndentationError", msg);
        return -1;
    }
    advance(p);
    if (!enter(p))
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

AstNode *parse_module(AstArena *ar, const char *src, size_t len, ParseError *err)
{
    Lexer lx;
    lexer_init(&lx, src, len);
    int cap = 256, n = 0;
    Token *toks = malloc((size_t)cap * sizeof *toks);
    memset(err, 0, sizeof *err);
    for (;;) {
        if (!toks) {
            err->type = "MemoryError";
            return NULL;
        }
        if (n == cap) {
            Token *more = realloc(toks, (size_t)(cap *= 2) * sizeof *toks);
            if (!more)
                free(toks);
            toks = more;
            continue;
        }
        TokKind k = lexer_next(&lx, &toks[n]);
        if (k == TK_ERROR) {
            err->type = lx.error_type;
            snprintf(err->msg, sizeof err->msg, "%s", lx.error);
            err->line = lx.error_line;
            err->col = lx.error_col + 1;
            free(toks);
            return NULL;
        }
        n++;
        if (k == TK_ENDMARKER)
            break;
    }
    P p = { toks, n, 0, ar, err, 0, 0 };
    AstNode *mod = node_at(&p, AST_Module, &toks[0]);
    if (mod && statements(&p, &mod->l1) < 0)
        mod = NULL;
    free(toks);
    return p.failed ? NULL : mod;
}
