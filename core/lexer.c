/* lexer.c — Python source to tokens (see lexer.h). */
#include <stdio.h>
#include <string.h>
#include "lexer.h"

static const char *const kind_names[] = {
    "ENDMARKER", "NAME", "NUMBER", "STRING", "OP", "NEWLINE", "INDENT", "DEDENT", "ERRORTOKEN",
};

/* Operators, longest first, with their exact types. */
static const struct { const char *text; TokOp op; const char *name; } ops[] = {
    { "**=", OP_DOUBLESTAREQUAL, "DOUBLESTAREQUAL" }, { "//=", OP_DOUBLESLASHEQUAL, "DOUBLESLASHEQUAL" },
    { ">>=", OP_RIGHTSHIFTEQUAL, "RIGHTSHIFTEQUAL" }, { "<<=", OP_LEFTSHIFTEQUAL, "LEFTSHIFTEQUAL" },
    { "...", OP_ELLIPSIS, "ELLIPSIS" },
    { "==", OP_EQEQUAL, "EQEQUAL" }, { "!=", OP_NOTEQUAL, "NOTEQUAL" }, { "<=", OP_LESSEQUAL, "LESSEQUAL" },
    { ">=", OP_GREATEREQUAL, "GREATEREQUAL" }, { "<<", OP_LEFTSHIFT, "LEFTSHIFT" },
    { ">>", OP_RIGHTSHIFT, "RIGHTSHIFT" }, { "**", OP_DOUBLESTAR, "DOUBLESTAR" },
    { "+=", OP_PLUSEQUAL, "PLUSEQUAL" }, { "-=", OP_MINEQUAL, "MINEQUAL" }, { "*=", OP_STAREQUAL, "STAREQUAL" },
    { "/=", OP_SLASHEQUAL, "SLASHEQUAL" }, { "%=", OP_PERCENTEQUAL, "PERCENTEQUAL" },
    { "&=", OP_AMPEREQUAL, "AMPEREQUAL" }, { "|=", OP_VBAREQUAL, "VBAREQUAL" },
    { "^=", OP_CIRCUMFLEXEQUAL, "CIRCUMFLEXEQUAL" }, { "//", OP_DOUBLESLASH, "DOUBLESLASH" },
    { "@=", OP_ATEQUAL, "ATEQUAL" }, { "->", OP_RARROW, "RARROW" }, { ":=", OP_COLONEQUAL, "COLONEQUAL" },
    { "(", OP_LPAR, "LPAR" }, { ")", OP_RPAR, "RPAR" }, { "[", OP_LSQB, "LSQB" }, { "]", OP_RSQB, "RSQB" },
    { ":", OP_COLON, "COLON" }, { ",", OP_COMMA, "COMMA" }, { ";", OP_SEMI, "SEMI" }, { "+", OP_PLUS, "PLUS" },
    { "-", OP_MINUS, "MINUS" }, { "*", OP_STAR, "STAR" }, { "/", OP_SLASH, "SLASH" }, { "|", OP_VBAR, "VBAR" },
    { "&", OP_AMPER, "AMPER" }, { "<", OP_LESS, "LESS" }, { ">", OP_GREATER, "GREATER" },
    { "=", OP_EQUAL, "EQUAL" }, { ".", OP_DOT, "DOT" }, { "%", OP_PERCENT, "PERCENT" },
    { "{", OP_LBRACE, "LBRACE" }, { "}", OP_RBRACE, "RBRACE" }, { "~", OP_TILDE, "TILDE" },
    { "^", OP_CIRCUMFLEX, "CIRCUMFLEX" }, { "@", OP_AT, "AT" },
};

const char *lexer_kind_name(TokKind k) { return kind_names[k]; }

const char *lexer_op_name(TokOp op)
{
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (ops[i].op == op)
            return ops[i].name;
    return "OP";
}

void lexer_init(Lexer *lx, const char *src, size_t len)
{
    memset(lx, 0, sizeof *lx);
    lx->src = lx->p = lx->line_start = src;
    lx->end = src + len;
    lx->line = 1;
    lx->at_line_start = 1;
    lx->nindents = 1;        /* indents[0] == 0 */
}

/* Columns count characters, not bytes: skip UTF-8 continuation bytes. */
static int col_of(const Lexer *lx, const char *q)
{
    int col = 0;
    for (const char *s = lx->line_start; s < q; s++)
        if (((unsigned char)*s & 0xc0) != 0x80)
            col++;
    return col;
}

static int peek(const Lexer *lx, int k) { return lx->p + k < lx->end ? (unsigned char)lx->p[k] : -1; }

static void newline_passed(Lexer *lx)
{
    lx->line++;
    lx->line_start = lx->p;
}

/* Sets the token's position and text from `start` to the current point. */
static TokKind finish(Lexer *lx, Token *t, TokKind kind, const char *start, int line, int col)
{
    t->kind = kind;
    t->text = start;
    t->len = (size_t)(lx->p - start);
    t->line = line;
    t->col = col;
    t->end_line = lx->line;
    t->end_col = col_of(lx, lx->p);
    return kind;
}

static TokKind fail(Lexer *lx, Token *t, const char *type, int line, int col, const char *msg)
{
    lx->error_type = type;
    lx->error_line = line;
    lx->error_col = col;
    if (msg != lx->error)
        snprintf(lx->error, sizeof lx->error, "%s", msg);
    lx->done = 1;
    t->kind = TK_ERROR;
    t->text = "";
    t->len = 0;
    t->line = t->end_line = line;
    t->col = t->end_col = col;
    return TK_ERROR;
}

static TokKind synthetic(Lexer *lx, Token *t, TokKind kind, int line, int col, int end_col)
{
    t->kind = kind;
    t->op = OP_NONE;
    t->text = "";
    t->len = 0;
    t->line = t->end_line = line;
    t->col = col;
    t->end_col = end_col;
    return kind;
}

static int is_name_start(int c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
static int is_name_char(int c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
static int is_digit(int c) { return c >= '0' && c <= '9'; }

/* Decodes the UTF-8 character at q (for error messages and symbol checks). */
static unsigned decode(const char *q, const char *end, int *len)
{
    unsigned char c = (unsigned char)*q;
    int n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    if (q + n > end)
        n = 1;
    unsigned cp = n == 1 ? c : c & (0x7f >> n);
    for (int i = 1; i < n; i++)
        cp = (cp << 6) | ((unsigned char)q[i] & 0x3f);
    *len = n;
    return cp;
}

/* Non-ASCII characters that cannot be part of a name: punctuation,
 * symbols, arrows, math, emoji (an approximation of Unicode's XID). */
static int is_symbol(unsigned cp)
{
    return (cp >= 0x80 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7
        || (cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f)
        || (cp >= 0x1f000 && cp <= 0x1faff) || cp == 0xfeff;
}

static TokKind lex_string(Lexer *lx, Token *t, const char *start, int line, int col)
{
    char q = *lx->p;
    int triple = peek(lx, 1) == q && peek(lx, 2) == q;
    lx->p += triple ? 3 : 1;
    for (;;) {
        if (lx->p >= lx->end) {
            /* CPython counts the line a final newline ends, not the empty
             * one after it */
            int at = lx->line - (lx->p > lx->src && (lx->p[-1] == '\n' || lx->p[-1] == '\r'));
            char msg[100];
            snprintf(msg, sizeof msg, "unterminated %sstring literal (detected at line %d)",
                     triple ? "triple-quoted " : "", at);
            return fail(lx, t, "SyntaxError", line, col, msg);
        }
        char c = *lx->p;
        if (c == '\\' && lx->p + 1 < lx->end) {
            char next = lx->p[1];
            lx->p += 2;
            if (next == '\r' && lx->p < lx->end && *lx->p == '\n')
                lx->p++;
            if (next == '\n' || next == '\r')
                newline_passed(lx);
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (!triple) {
                char msg[100];
                snprintf(msg, sizeof msg, "unterminated string literal (detected at line %d)", lx->line);
                return fail(lx, t, "SyntaxError", line, col, msg);
            }
            lx->p += (c == '\r' && peek(lx, 1) == '\n') ? 2 : 1;
            newline_passed(lx);
            continue;
        }
        if (c == q && (!triple || (peek(lx, 1) == q && peek(lx, 2) == q))) {
            lx->p += triple ? 3 : 1;
            t->op = OP_NONE;
            return finish(lx, t, TK_STRING, start, line, col);
        }
        lx->p++;
    }
}

static void skip_digits(Lexer *lx, int (*ok)(int))
{
    while (ok(peek(lx, 0)) || (peek(lx, 0) == '_' && ok(peek(lx, 1))))
        lx->p++;
}

static int is_hex(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static int is_oct(int c) { return c >= '0' && c <= '7'; }
static int is_bin(int c) { return c == '0' || c == '1'; }

static TokKind lex_number(Lexer *lx, Token *t, int line, int col)
{
    const char *start = lx->p;
    int c1 = peek(lx, 1) | 0x20;
    if (*lx->p == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b')) {
        lx->p += 2;
        skip_digits(lx, c1 == 'x' ? is_hex : c1 == 'o' ? is_oct : is_bin);
    } else {
        skip_digits(lx, is_digit);
        if (peek(lx, 0) == '.') {
            lx->p++;
            skip_digits(lx, is_digit);
        }
        int e = peek(lx, 0) | 0x20;
        if (e == 'e' && (is_digit(peek(lx, 1))
                         || ((peek(lx, 1) == '+' || peek(lx, 1) == '-') && is_digit(peek(lx, 2))))) {
            lx->p += 2;
            skip_digits(lx, is_digit);
        }
        if ((peek(lx, 0) | 0x20) == 'j')
            lx->p++;
    }
    t->op = OP_NONE;
    return finish(lx, t, TK_NUMBER, start, line, col);
}

/* Measures the indentation of the line at p (tabs to multiples of 8). */
static int measure_indent(Lexer *lx)
{
    int col = 0;
    while (lx->p < lx->end) {
        char c = *lx->p;
        if (c == ' ')
            col++;
        else if (c == '\t')
            col = (col / 8 + 1) * 8;
        else if (c == '\f')
            col = 0;
        else
            break;
        lx->p++;
    }
    return col;
}

static void skip_to_line_end(Lexer *lx)
{
    while (lx->p < lx->end && *lx->p != '\n' && *lx->p != '\r')
        lx->p++;
}

static int eat_newline(Lexer *lx)
{
    if (lx->p >= lx->end)
        return 0;
    if (*lx->p == '\r' && peek(lx, 1) == '\n')
        lx->p += 2;
    else if (*lx->p == '\n' || *lx->p == '\r')
        lx->p++;
    else
        return 0;
    newline_passed(lx);
    return 1;
}

/* Start of a logical line: skips blank and comment-only lines, then
 * returns INDENT/DEDENT if the indentation changed, TK_ENDMARKER if
 * nothing changed, or TK_ERROR. */
static TokKind line_start(Lexer *lx, Token *t)
{
    for (;;) {
        const char *ws = lx->p;
        int indent = measure_indent(lx);
        int c = peek(lx, 0);
        if (c == '#') {
            skip_to_line_end(lx);
            c = peek(lx, 0);
        }
        if (c == '\n' || c == '\r') {
            eat_newline(lx);
            continue;
        }
        if (c == '\\' && (peek(lx, 1) == '\n' || peek(lx, 1) == '\r'))
            return TK_ENDMARKER;     /* a continuation: the indentation counts as is */
        if (c < 0)
            return TK_ENDMARKER;     /* EOF: handled by the caller */
        lx->at_line_start = 0;
        int top = lx->indents[lx->nindents - 1];
        if (indent > top) {
            if (lx->nindents == LEXER_MAX_INDENT)
                return fail(lx, t, "IndentationError", lx->line, indent, "too many levels of indentation");
            lx->indents[lx->nindents++] = indent;
            t->op = OP_NONE;
            return finish(lx, t, TK_INDENT, ws, lx->line, 0);
        }
        if (indent < top) {
            while (lx->nindents > 1 && lx->indents[lx->nindents - 1] > indent) {
                lx->nindents--;
                lx->pending_dedents++;
            }
            if (lx->indents[lx->nindents - 1] != indent)
                return fail(lx, t, "IndentationError", lx->line, indent,
                            "unindent does not match any outer indentation level");
            lx->pending_dedents--;
            int col = col_of(lx, lx->p);     /* characters, not indentation width */
            return synthetic(lx, t, TK_DEDENT, lx->line, col, col);
        }
        return TK_ENDMARKER;
    }
}

TokKind lexer_next(Lexer *lx, Token *t)
{
    t->op = OP_NONE;
    if (lx->pending_dedents > 0) {
        lx->pending_dedents--;
        int col = col_of(lx, lx->p);
        return synthetic(lx, t, TK_DEDENT, lx->line, col, col);
    }
    if (lx->done)
        return lx->error_type ? fail(lx, t, lx->error_type, lx->error_line, lx->error_col, lx->error)
                              : synthetic(lx, t, TK_ENDMARKER, lx->line, 0, 0);
    if (lx->at_line_start && lx->nesting == 0) {
        TokKind k = line_start(lx, t);
        if (k != TK_ENDMARKER)
            return k;
    }
    for (;;) {
        while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\f'))
            lx->p++;
        if (peek(lx, 0) == '#')
            skip_to_line_end(lx);
        if (peek(lx, 0) == '\\') {
            lx->p++;
            if (!eat_newline(lx))
                return fail(lx, t, "SyntaxError", lx->line, col_of(lx, lx->p),
                            "unexpected character after line continuation character");
            if (lx->p >= lx->end)
                return fail(lx, t, "SyntaxError", lx->line, 0, "unexpected EOF while parsing");
            continue;
        }
        break;
    }
    int line = lx->line, col = col_of(lx, lx->p);
    if (lx->p >= lx->end && lx->nesting > 0) {
        char msg[40];
        int k = lx->nesting - 1;
        snprintf(msg, sizeof msg, "'%c' was never closed", lx->open[k].c);
        return fail(lx, t, "SyntaxError", lx->open[k].line, lx->open[k].col, msg);
    }
    if (lx->p >= lx->end) {
        if (!lx->at_line_start) {
            /* the last line had no newline: CPython still ends it */
            lx->at_line_start = 1;
            return synthetic(lx, t, TK_NEWLINE, line, col, col + 1);
        }
        if (lx->nindents > 1) {
            lx->nindents--;
            return synthetic(lx, t, TK_DEDENT, line + (col > 0), 0, 0);
        }
        lx->done = 1;
        return synthetic(lx, t, TK_ENDMARKER, line + (col > 0), 0, 0);
    }
    const char *start = lx->p;
    int c = peek(lx, 0);
    if (c == '\n' || c == '\r') {
        eat_newline(lx);
        if (lx->nesting > 0)
            return lexer_next(lx, t);           /* NL inside brackets */
        lx->at_line_start = 1;
        t->kind = TK_NEWLINE;
        t->text = start;
        t->len = (size_t)(lx->p - start);
        t->line = t->end_line = line;
        t->col = col;
        t->end_col = col + (int)t->len;
        return TK_NEWLINE;
    }
    if (is_digit(c) || (c == '.' && is_digit(peek(lx, 1))))
        return lex_number(lx, t, line, col);
    if (c == '\'' || c == '"')
        return lex_string(lx, t, start, line, col);
    if (is_name_start(c)) {
        while (lx->p < lx->end && is_name_char((unsigned char)*lx->p)) {
            int len;
            unsigned cp = decode(lx->p, lx->end, &len);
            if (is_symbol(cp)) {
                if (lx->p == start) {
                    char msg[80];
                    char ch[5] = { 0 };
                    memcpy(ch, lx->p, (size_t)len);
                    snprintf(msg, sizeof msg, "invalid character '%s' (U+%04X)", ch, cp);
                    return fail(lx, t, "SyntaxError", line, col, msg);
                }
                break;
            }
            lx->p += len;
        }
        size_t n = (size_t)(lx->p - start);
        int q = peek(lx, 0);
        if ((q == '\'' || q == '"') && n <= 2) {
            /* a string prefix: r, b, f, u and their pairs, any case */
            char pre[3] = { 0 };
            for (size_t i = 0; i < n; i++)
                pre[i] = (char)(start[i] | 0x20);
            static const char *const prefixes[] = { "r", "u", "b", "f", "br", "rb", "fr", "rf" };
            for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
                if (!strcmp(pre, prefixes[i]))
                    return lex_string(lx, t, start, line, col);
        }
        return finish(lx, t, TK_NAME, start, line, col);
    }
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t n = strlen(ops[i].text);
        if ((size_t)(lx->end - lx->p) >= n && !memcmp(lx->p, ops[i].text, n)) {
            TokOp op = ops[i].op;
            if (op == OP_LPAR || op == OP_LSQB || op == OP_LBRACE) {
                if (lx->nesting == LEXER_MAX_NESTING)
                    return fail(lx, t, "SyntaxError", line, col, "too many nested parentheses");
                lx->open[lx->nesting].c = *lx->p;
                lx->open[lx->nesting].line = line;
                lx->open[lx->nesting].col = col;
                lx->nesting++;
            } else if ((op == OP_RPAR || op == OP_RSQB || op == OP_RBRACE) && lx->nesting > 0) {
                lx->nesting--;
            }
            lx->p += n;
            finish(lx, t, TK_OP, start, line, col);
            t->op = op;
            return TK_OP;
        }
    }
    int len;
    unsigned cp = decode(lx->p, lx->end, &len);
    char msg[80];
    if (cp < 0x80)
        snprintf(msg, sizeof msg, "invalid syntax");
    else {
        char ch[5] = { 0 };
        memcpy(ch, lx->p, (size_t)len);
        snprintf(msg, sizeof msg, "invalid character '%s' (U+%04X)", ch, cp);
    }
    return fail(lx, t, "SyntaxError", line, col, msg);
}
