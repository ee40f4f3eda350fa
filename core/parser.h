/* parser.h — tokens to the syntax tree (ast.h), by recursive descent over
 * the grammar of Python 3.11 for the subset memplay runs (LANGUAGE.md).
 *
 * The whole snippet is tokenized first, so the parser can look ahead as
 * far as it needs.  On error it stops at the first problem and fills a
 * ParseError with the exception type, CPython's message where memplay
 * knows it, and the 1-based line and column; constructs outside the subset
 * get "'X' is not supported by memplay".
 */
#ifndef MP_PARSER_H
#define MP_PARSER_H

#include <stddef.h>
#include "ast.h"

typedef struct ParseError {
    const char *type;     /* "SyntaxError" or "IndentationError" */
    char msg[200];
    int line, col;        /* col is 1-based, as SyntaxError.offset */
} ParseError;

/* Parses a module; NULL with *err filled on failure.  The tree lives in ar. */
AstNode *parse_module(AstArena *ar, const char *src, size_t len, ParseError *err);

#endif
