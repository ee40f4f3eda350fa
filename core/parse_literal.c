/* parse_literal.c — literals: str and bytes with their escapes and
 * prefixes, implicit concatenation, f-strings (fields, conversions, nested
 * format specs, self-documenting "x="), and numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse.h"

/* ---- literals ---------------------------------------------------------------- */

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int parse_buf_put(P *p, Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *d = ast_alloc(p->ar, cap);
        if (!d) {
            parse_no_memory(p);
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
    return parse_buf_put(p, b, e, (size_t)n);
}

/* Decodes the body of a (non-f) literal: escapes unless raw. */
static int decode_body(P *p, Buf *b, const char *s, size_t n, int raw, int bytes)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || raw) {
            if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
                continue;          /* newlines in literals are \n */
            if (parse_buf_put(p, b, s[i] == '\r' ? "\n" : &s[i], 1) < 0)
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
        case '\\': case '\'': case '"': parse_buf_put(p, b, &c, 1); continue;
        case 'n': parse_buf_put(p, b, "\n", 1); continue;
        case 't': parse_buf_put(p, b, "\t", 1); continue;
        case 'r': parse_buf_put(p, b, "\r", 1); continue;
        case 'a': parse_buf_put(p, b, "\a", 1); continue;
        case 'b': parse_buf_put(p, b, "\b", 1); continue;
        case 'f': parse_buf_put(p, b, "\f", 1); continue;
        case 'v': parse_buf_put(p, b, "\v", 1); continue;
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
                    parse_buf_put(p, b, &ch, 1);
                } else {
                    buf_codepoint(p, b, v);
                }
                continue;
            }
            /* unknown escape: kept as is (CPython warns) */
            parse_buf_put(p, b, "\\", 1);
            parse_buf_put(p, b, &c, 1);
            continue;
        }
        if (!digits) {
            parse_buf_put(p, b, "\\", 1);
            parse_buf_put(p, b, &c, 1);
            continue;
        }
        for (int k = 0; k < digits; k++) {
            int h = i + 1 + (size_t)k < n ? hexval((unsigned char)s[i + 1 + k]) : -1;
            if (h < 0) {
                parse_syntax_error(p, bytes ? "(value error) invalid \\x escape"
                                      : "(unicode error) 'unicodeescape' codec can't decode bytes: truncated escape");
                return -1;
            }
            v = v * 16 + (unsigned)h;
        }
        i += (size_t)digits;
        if (bytes) {
            char ch = (char)v;
            parse_buf_put(p, b, &ch, 1);
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
    AstNode *c = parse_node(p, AST_Constant, t);
    if (c) {
        c->ck = CONST_STR;
        c->s = s ? s : "";
        c->slen = n;
    }
    return c;
}


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
    return c ? parse_push(p, values, c) : -1;
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
        parse_syntax_error(p, "f-string: expecting '}'");
        return -1;
    }
    size_t end = equals ? equals : *i;
    if (equals && parse_buf_put(p, pending, s + start, *i - start) < 0)
        return -1;
    while (end > start && (s[end - 1] == ' '))
        end--;
    if (end == start) {
        parse_syntax_error(p, "f-string: empty expression not allowed");
        return -1;
    }
    AstNode *value = parse_subexpression(p, t, s + start, end - start);
    if (!value)
        return -1;
    AstNode *fv = parse_node(p, AST_FormattedValue, t);
    if (!fv)
        return -1;
    fv->a = value;
    fv->i = equals && s[*i] != ':' ? 'r' : -1;
    if (s[*i] == '!') {
        char conv = *i + 1 < n ? s[*i + 1] : 0;
        if (conv != 's' && conv != 'r' && conv != 'a') {
            parse_syntax_error(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
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
        AstNode *spec = parse_node(p, AST_JoinedStr, t);
        Buf sp = { 0 };
        if (!spec || fstring_body(p, t, s + spec_start, *i - spec_start, 1, &spec->l1, &sp) < 0
            || flush_pending(p, t, &spec->l1, &sp) < 0)
            return -1;
        fv->b = spec;
    }
    if (*i >= n || s[*i] != '}') {
        parse_syntax_error(p, "f-string: expecting '}'");
        return -1;
    }
    if (flush_pending(p, t, values, pending) < 0)
        return -1;
    return parse_push(p, values, fv);
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
                parse_syntax_error(p, "f-string: single '}' is not allowed");
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
AstNode *parse_strings(P *p)
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
        return parse_syntax_error(p, "cannot mix bytes and nonbytes literals");
    Buf b = { 0 };
    AstNode *joined = any_f ? parse_node(p, AST_JoinedStr, first) : NULL;
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

AstNode *parse_number(P *p)
{
    Token *t = cur(p);
    char text[128];
    size_t k = 0;
    for (size_t i = 0; i < t->len && k < sizeof text - 1; i++)
        if (t->text[i] != '_')
            text[k++] = t->text[i];
    text[k] = '\0';
    AstNode *c = parse_node(p, AST_Constant, t);
    if (!c)
        return NULL;
    char last = (char)(text[k - 1] | 0x20);
    if (last == 'j')
        return parse_unsupported(p, t, "complex numbers");
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
            return parse_syntax_error(p, "leading zeros in decimal integer literals are not permitted; "
                                   "use an 0o prefix for octal integers");
        }
        uint64_t v = 0;
        for (const char *d = digits; *d; d++) {
            int h = hexval((unsigned char)*d);
            if (h < 0 || h >= base)
                return parse_syntax_error(p, "invalid syntax");
            if (v > (UINT64_MAX - (uint64_t)h) / (uint64_t)base || v * (uint64_t)base + (uint64_t)h > (uint64_t)INT64_MAX)
                return parse_unsupported(p, t, "integers beyond 64 bits");
            v = v * (uint64_t)base + (uint64_t)h;
        }
        c->ck = CONST_INT;
        c->i = (int64_t)v;
    }
    advance(p);
    return c;
}
