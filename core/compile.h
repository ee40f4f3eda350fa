/* compile.h — syntax tree to code objects.
 *
 * compile_module() turns a parsed snippet (ast.h) and its symbol tables
 * (symtable.h) into the module's code object; nested scopes become code
 * objects among its constants.  Names are resolved from the symbol
 * tables as CPython's compiler does (fast locals in functions, cells for
 * closures, globals, and name lookups in module and class bodies).
 */
#ifndef MP_COMPILE_H
#define MP_COMPILE_H

#include "ast.h"
#include "symtable.h"
#include "parser.h"
#include "object.h"

/* New code object, or NULL with *err filled (a SyntaxError from the
 * compiler, e.g. 'return' outside function) or an exception pending. */
MpObject *compile_module(const AstNode *module, SymTable *top, ParseError *err);

/* Visits the constants and names a compilation in progress holds (a root:
 * they are alive, held by the compiler rather than by an object). */
void compile_visit_roots(MpVisit visit, void *arg);

#endif
