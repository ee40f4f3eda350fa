/* compile_int.h — what the compiler's files share (internal). */
#ifndef MP_COMPILE_INT_H
#define MP_COMPILE_INT_H

#include "compile.h"
#include "code.h"

typedef enum FbKind { FB_LOOP, FB_FOR_LOOP, FB_TRY_FINALLY, FB_FINALLY_END,
                      FB_HANDLER, FB_WITH } FbKind;

typedef struct Fblock {
    FbKind kind;
    int start_label, exit_label;   /* loops */
    const AstNode *node;           /* try (finalbody), handler (name) */
    int saved_handler;             /* handler active outside the block */
} Fblock;

typedef struct Label { int pc, depth; } Label;

typedef struct Unit {
    SymTable *st;
    struct Unit *parent;
    MpInstr *code; int32_t *lines; int16_t *hidx; int n, cap;
    MpHandler *htab; int nh, hcap;
    int cur_handler;
    Label *labels; int nlabels, lcap;
    int (*patches)[2]; int npatches, pcap;   /* (pc, label) */
    MpObject **consts; int nconsts, ccap;
    MpObject **names; int nnames, ncap;
    const char **lp; uint8_t *kinds; int nlp, lpcap;
    int depth, maxdepth, line;
    Fblock fb[40]; int nfb;
    int flags, argcount, posonly, kwonly, firstlineno;
    const char *name;
    char qualname[256];
} Unit;

typedef struct Compiler {
    Unit *u;
    ParseError *err;
    int failed;
    int nested_funcs;
} Compiler;

/* compile.c */
int emit(Compiler *c, MpOpcode op, int arg);
int new_label(Compiler *c);
void bind_label(Compiler *c, int label);
int emit_jump(Compiler *c, MpOpcode op, int label);
int add_const(Compiler *c, MpObject *o);           /* steals o */
int add_name(Compiler *c, const char *name);
int const_none(Compiler *c);
int new_handler(Compiler *c, int label, int depth);
void set_handler(Compiler *c, int h);
void *compile_error(Compiler *c, const AstNode *n, const char *msg);
void set_line(Compiler *c, const AstNode *n);
/* Compiles a nested scope (function, lambda, comprehension, class body)
 * and emits what makes it: the function object on the stack. */
int compile_scope_function(Compiler *c, const AstNode *node, const char *name,
                           const AstNode *args, int is_lambda);
int compile_class(Compiler *c, const AstNode *s);
int compile_comprehension(Compiler *c, const AstNode *e);
int compile_name(Compiler *c, const char *name, AstCtx ctx, const AstNode *at);

/* compile_stmt.c */
int compile_body(Compiler *c, const AstList *body);
int compile_stmt(Compiler *c, const AstNode *s);

/* compile_expr.c */
int compile_expr(Compiler *c, const AstNode *e);
int compile_store(Compiler *c, const AstNode *target);
int compile_delete(Compiler *c, const AstNode *target);
int compile_call_args(Compiler *c, const AstList *args, const AstList *kws, int extra);

#endif
