/* symtable.h — scopes and the role of every name (CPython's symtable.c).
 *
 * The compiler needs to know, for every name in every scope (module,
 * class, function, lambda, comprehension), whether it is a local, a cell
 * shared with an inner function, a free variable coming from an outer
 * one, or a global.  symtable_build() walks the syntax tree like CPython
 * 3.11 does — same visiting order, same flags, same analysis — so that
 * `memplay symtable FILE` prints what Python's own symbol table holds, and
 * it reports the same SyntaxErrors (nonlocal without a binding, global
 * after use...).  Tables live in the tree's arena.
 */
#ifndef MP_SYMTABLE_H
#define MP_SYMTABLE_H

#include "ast.h"
#include "parser.h"

/* Flags, as in CPython's pycore_symtable.h. */
enum {
    SYM_DEF_GLOBAL = 1, SYM_DEF_LOCAL = 2, SYM_DEF_PARAM = 4, SYM_DEF_NONLOCAL = 8,
    SYM_USE = 16, SYM_DEF_FREE = 32, SYM_DEF_FREE_CLASS = 64, SYM_DEF_IMPORT = 128,
    SYM_DEF_ANNOT = 256, SYM_DEF_COMP_ITER = 512,
    SYM_DEF_BOUND = SYM_DEF_LOCAL | SYM_DEF_PARAM | SYM_DEF_IMPORT,
};

/* Scopes of names. */
typedef enum SymScopeKind {
    SYM_NONE, SYM_LOCAL, SYM_GLOBAL_EXPLICIT, SYM_GLOBAL_IMPLICIT, SYM_FREE, SYM_CELL,
} SymScopeKind;

typedef enum SymBlockType { BLOCK_FUNCTION, BLOCK_CLASS, BLOCK_MODULE } SymBlockType;

typedef struct Symbol {
    const char *name;
    int flags;
    SymScopeKind scope;
    int line;            /* of its global/nonlocal declaration, for errors */
} Symbol;

typedef struct SymTable SymTable;
struct SymTable {
    SymBlockType type;
    const char *name;
    int line;
    const AstNode *node;       /* the def, class, lambda or comprehension */
    Symbol *syms;              /* in order of first appearance */
    int nsyms, cap;
    SymTable **children;
    int nchildren, ccap;
    SymTable *parent;
    int nested, comp_iter_target, comp_iter_expr, generator, needs_class_closure;
};

/* The module's table; NULL with *err filled (SyntaxError) on failure. */
SymTable *symtable_build(AstArena *ar, const AstNode *module, ParseError *err);
const Symbol *symtable_lookup(const SymTable *t, const char *name);

#endif
