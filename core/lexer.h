/* lexer.h — Python 3.11 source text to tokens.
 *
 * The lexer turns a snippet into the token stream of CPython's tokenizer,
 * minus what the parser never needs (comments and non-logical newlines):
 * NAME, NUMBER, STRING (prefixes and f-strings included, as one token in
 * 3.11), OP with its exact type, NEWLINE, INDENT, DEDENT, ENDMARKER.
 * Positions are 1-based lines and 0-based columns counted in characters,
 * as Python's tokenize module reports them, so tests compare with it.
 *
 * Invariants: inside brackets there are no NEWLINE, INDENT or DEDENT
 * tokens; blank and comment-only lines never change the indentation; a
 * missing final newline still yields a NEWLINE (with empty text); every
 * INDENT is matched by a DEDENT before ENDMARKER.  On bad input
 * lexer_next() returns TK_ERROR with CPython's message and position.
 */
#ifndef MP_LEXER_H
#define MP_LEXER_H

#include <stddef.h>

typedef enum TokKind {
    TK_ENDMARKER, TK_NAME, TK_NUMBER, TK_STRING, TK_OP,
    TK_NEWLINE, TK_INDENT, TK_DEDENT, TK_ERROR,
} TokKind;

/* Exact operator types, named as in Python's token module. */
typedef enum TokOp {
    OP_NONE,
    OP_LPAR, OP_RPAR, OP_LSQB, OP_RSQB, OP_COLON, OP_COMMA, OP_SEMI, OP_PLUS,
    OP_MINUS, OP_STAR, OP_SLASH, OP_VBAR, OP_AMPER, OP_LESS, OP_GREATER,
    OP_EQUAL, OP_DOT, OP_PERCENT, OP_LBRACE, OP_RBRACE, OP_EQEQUAL, OP_NOTEQUAL,
    OP_LESSEQUAL, OP_GREATEREQUAL, OP_TILDE, OP_CIRCUMFLEX, OP_LEFTSHIFT,
    OP_RIGHTSHIFT, OP_DOUBLESTAR, OP_PLUSEQUAL, OP_MINEQUAL, OP_STAREQUAL,
    OP_SLASHEQUAL, OP_PERCENTEQUAL, OP_AMPEREQUAL, OP_VBAREQUAL,
    OP_CIRCUMFLEXEQUAL, OP_LEFTSHIFTEQUAL, OP_RIGHTSHIFTEQUAL,
    OP_DOUBLESTAREQUAL, OP_DOUBLESLASH, OP_DOUBLESLASHEQUAL, OP_AT, OP_ATEQUAL,
    OP_RARROW, OP_ELLIPSIS, OP_COLONEQUAL, OP_COUNT
} TokOp;

typedef struct Token {
    TokKind kind;
    TokOp op;
    const char *text;     /* into the source (or "" for synthetic tokens) */
    size_t len;
    int line, col, end_line, end_col;
} Token;

enum { LEXER_MAX_INDENT = 100, LEXER_MAX_NESTING = 200 };

typedef struct Lexer {
    const char *src, *end, *p;
    int line;
    const char *line_start;
    int indents[LEXER_MAX_INDENT];
    int nindents;
    int pending_dedents;
    int nesting;                  /* open brackets */
    struct { char c; int line, col; } open[LEXER_MAX_NESTING + 1];
    int at_line_start;
    int done;
    char error[160];
    int error_line, error_col;
    const char *error_type;       /* "SyntaxError", "IndentationError" */
} Lexer;

void lexer_init(Lexer *lx, const char *src, size_t len);
TokKind lexer_next(Lexer *lx, Token *t);
const char *lexer_kind_name(TokKind k);
const char *lexer_op_name(TokOp op);

#endif
