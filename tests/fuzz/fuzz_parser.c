/* fuzz_parser.c — libFuzzer target: any bytes through the lexer and the
 * parser, and the tree through ast_dump and the symbol table.  Nothing may crash, leak or read
 * out of bounds (built with ASan+UBSan); bad input must end in a
 * ParseError. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include "ast.h"
#include "lexer.h"
#include "parser.h"
#include "symtable.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Lexer lx;
    Token t;
    lexer_init(&lx, (const char *)data, size);
    for (int i = 0; i < 1000000; i++) {
        TokKind k = lexer_next(&lx, &t);
        if (k == TK_ENDMARKER || k == TK_ERROR)
            break;
    }
    AstArena *ar = ast_arena_new();
    ParseError err;
    AstNode *tree = ar ? parse_module(ar, (const char *)data, size, &err) : NULL;
    if (tree) {
        free(ast_dump(tree));
        symtable_build(ar, tree, &err);
    }
    ast_arena_free(ar);
    return 0;
}
