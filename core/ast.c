/* ast.c — the syntax-tree arena and ast.dump (see ast.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ast.h"
#include "float.h"
#include "textout.h"

/* ---- arena --------------------------------------------------------------- */

typedef struct Block {
    struct Block *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
} Block;

struct AstArena {
    Block *head;
};

AstArena *ast_arena_new(void) { return calloc(1, sizeof(AstArena)); }

void ast_arena_free(AstArena *ar)
{
    if (!ar)
        return;
    for (Block *b = ar->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(ar);
}

void *ast_alloc(AstArena *ar, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    Block *b = ar->head;
    if (!b || b->used + n > b->size) {
        size_t size = n > 65536 ? n : 65536;
        b = malloc(sizeof(Block) + size);
        if (!b)
            return NULL;
        b->next = ar->head;
        b->used = 0;
        b->size = size;
        ar->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

AstNode *ast_node(AstArena *ar, AstKind kind, int line, int col)
{
    AstNode *n = ast_alloc(ar, sizeof *n);
    if (n) {
        n->kind = kind;
        n->line = line;
        n->col = col;
    }
    return n;
}

int ast_list_push(AstArena *ar, AstList *l, AstNode *n)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 4;
        AstNode **items = ast_alloc(ar, (size_t)cap * sizeof *items);
        if (!items)
            return -1;
        if (l->n)
            memcpy(items, l->items, (size_t)l->n * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = n;
    return 0;
}

const char *ast_strdup(AstArena *ar, const char *s, size_t n)
{
    char *d = ast_alloc(ar, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* ---- dump ------------------------------------------------------------------ */

typedef enum Slot {
    S_END, S_A, S_B, S_C, S_D, S_L1, S_L2, S_L3, S_L4, S_L5, S_ID, S_ID2, S_INT,
    S_OP, S_OPS, S_CTX, S_CONST, S_NAMES, S_EMPTY,
} Slot;

typedef struct Field { const char *name; Slot slot; } Field;

static const struct { const char *name; Field fields[9]; } spec[AST_NKINDS] = {
    [AST_Module] = { "Module", { { "body", S_L1 }, { "type_ignores", S_EMPTY } } },
    [AST_FunctionDef] = { "FunctionDef", { { "name", S_ID }, { "args", S_A }, { "body", S_L1 },
                                           { "decorator_list", S_L2 }, { "returns", S_B } } },
    [AST_ClassDef] = { "ClassDef", { { "name", S_ID }, { "bases", S_L1 }, { "keywords", S_L2 },
                                     { "body", S_L3 }, { "decorator_list", S_L4 } } },
    [AST_Return] = { "Return", { { "value", S_A } } },
    [AST_Delete] = { "Delete", { { "targets", S_L1 } } },
    [AST_Assign] = { "Assign", { { "targets", S_L1 }, { "value", S_A } } },
    [AST_AugAssign] = { "AugAssign", { { "target", S_A }, { "op", S_OP }, { "value", S_B } } },
    [AST_AnnAssign] = { "AnnAssign", { { "target", S_A }, { "annotation", S_B }, { "value", S_C },
                                       { "simple", S_INT } } },
    [AST_For] = { "For", { { "target", S_A }, { "iter", S_B }, { "body", S_L1 }, { "orelse", S_L2 } } },
    [AST_While] = { "While", { { "test", S_A }, { "body", S_L1 }, { "orelse", S_L2 } } },
    [AST_If] = { "If", { { "test", S_A }, { "body", S_L1 }, { "orelse", S_L2 } } },
    [AST_With] = { "With", { { "items", S_L1 }, { "body", S_L2 } } },
    [AST_Raise] = { "Raise", { { "exc", S_A }, { "cause", S_B } } },
    [AST_Try] = { "Try", { { "body", S_L1 }, { "handlers", S_L2 }, { "orelse", S_L3 },
                           { "finalbody", S_L4 } } },
    [AST_Assert] = { "Assert", { { "test", S_A }, { "msg", S_B } } },
    [AST_Import] = { "Import", { { "names", S_L1 } } },
    [AST_ImportFrom] = { "ImportFrom", { { "module", S_ID }, { "names", S_L1 }, { "level", S_INT } } },
    [AST_Global] = { "Global", { { "names", S_NAMES } } },
    [AST_Nonlocal] = { "Nonlocal", { { "names", S_NAMES } } },
    [AST_Expr] = { "Expr", { { "value", S_A } } },
    [AST_Pass] = { "Pass", { { 0 } } },
    [AST_Break] = { "Break", { { 0 } } },
    [AST_Continue] = { "Continue", { { 0 } } },
    [AST_BoolOp] = { "BoolOp", { { "op", S_OP }, { "values", S_L1 } } },
    [AST_NamedExpr] = { "NamedExpr", { { "target", S_A }, { "value", S_B } } },
    [AST_BinOp] = { "BinOp", { { "left", S_A }, { "op", S_OP }, { "right", S_B } } },
    [AST_UnaryOp] = { "UnaryOp", { { "op", S_OP }, { "operand", S_A } } },
    [AST_Lambda] = { "Lambda", { { "args", S_A }, { "body", S_B } } },
    [AST_IfExp] = { "IfExp", { { "test", S_A }, { "body", S_B }, { "orelse", S_C } } },
    [AST_Dict] = { "Dict", { { "keys", S_L1 }, { "values", S_L2 } } },
    [AST_Set] = { "Set", { { "elts", S_L1 } } },
    [AST_ListComp] = { "ListComp", { { "elt", S_A }, { "generators", S_L1 } } },
    [AST_SetComp] = { "SetComp", { { "elt", S_A }, { "generators", S_L1 } } },
    [AST_DictComp] = { "DictComp", { { "key", S_A }, { "value", S_B }, { "generators", S_L1 } } },
    [AST_GeneratorExp] = { "GeneratorExp", { { "elt", S_A }, { "generators", S_L1 } } },
    [AST_Yield] = { "Yield", { { "value", S_A } } },
    [AST_YieldFrom] = { "YieldFrom", { { "value", S_A } } },
    [AST_Compare] = { "Compare", { { "left", S_A }, { "ops", S_OPS }, { "comparators", S_L1 } } },
    [AST_Call] = { "Call", { { "func", S_A }, { "args", S_L1 }, { "keywords", S_L2 } } },
    [AST_FormattedValue] = { "FormattedValue", { { "value", S_A }, { "conversion", S_INT },
                                                 { "format_spec", S_B } } },
    [AST_JoinedStr] = { "JoinedStr", { { "values", S_L1 } } },
    [AST_Constant] = { "Constant", { { "value", S_CONST }, { "kind", S_ID2 } } },
    [AST_Attribute] = { "Attribute", { { "value", S_A }, { "attr", S_ID }, { "ctx", S_CTX } } },
    [AST_Subscript] = { "Subscript", { { "value", S_A }, { "slice", S_B }, { "ctx", S_CTX } } },
    [AST_Starred] = { "Starred", { { "value", S_A }, { "ctx", S_CTX } } },
    [AST_Name] = { "Name", { { "id", S_ID }, { "ctx", S_CTX } } },
    [AST_List] = { "List", { { "elts", S_L1 }, { "ctx", S_CTX } } },
    [AST_Tuple] = { "Tuple", { { "elts", S_L1 }, { "ctx", S_CTX } } },
    [AST_Slice] = { "Slice", { { "lower", S_A }, { "upper", S_B }, { "step", S_C } } },
    [AST_comprehension] = { "comprehension", { { "target", S_A }, { "iter", S_B }, { "ifs", S_L1 },
                                               { "is_async", S_INT } } },
    [AST_ExceptHandler] = { "ExceptHandler", { { "type", S_A }, { "name", S_ID }, { "body", S_L1 } } },
    [AST_arguments] = { "arguments", { { "posonlyargs", S_L1 }, { "args", S_L2 }, { "vararg", S_A },
                                       { "kwonlyargs", S_L3 }, { "kw_defaults", S_L4 },
                                       { "kwarg", S_B }, { "defaults", S_L5 } } },
    [AST_arg] = { "arg", { { "arg", S_ID }, { "annotation", S_A } } },
    [AST_keyword] = { "keyword", { { "arg", S_ID }, { "value", S_A } } },
    [AST_alias] = { "alias", { { "name", S_ID }, { "asname", S_ID2 } } },
    [AST_withitem] = { "withitem", { { "context_expr", S_A }, { "optional_vars", S_B } } },
};

static const char *const op_names[OPK_COUNT] = {
    "", "And", "Or", "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift",
    "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv", "Invert", "Not", "UAdd", "USub",
    "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn",
};

static const char *const ctx_names[] = { "", "Load", "Store", "Del" };

typedef TextOut Out;

static void put(Out *o, const char *s, size_t n) { text_put(o, s, n); }
static void puts_(Out *o, const char *s) { text_puts(o, s); }

/* Python's repr of a str or bytes value given as UTF-8 (bytes: raw). */
static void put_repr(Out *o, const char *s, size_t n, int bytes)
{
    int single = memchr(s, '\'', n) != NULL, dbl = memchr(s, '"', n) != NULL;
    char q = single && !dbl ? '"' : '\'';
    if (bytes)
        puts_(o, "b");
    put(o, &q, 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        if (c == (unsigned char)q || c == '\\') { esc[0] = '\\'; esc[1] = (char)c; put(o, esc, 2); }
        else if (c == '\n') puts_(o, "\\n");
        else if (c == '\r') puts_(o, "\\r");
        else if (c == '\t') puts_(o, "\\t");
        else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            puts_(o, esc);
        } else if (!bytes && c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] < 0xa0) {
            /* U+0080..U+009F are not printable */
            snprintf(esc, sizeof esc, "\\x%02x", (unsigned char)s[++i]);
            puts_(o, esc);
        } else {
            put(o, (const char *)&s[i], 1);
        }
    }
    put(o, &q, 1);
}

static void dump(Out *o, const AstNode *n);

static void dump_list(Out *o, const AstList *l)
{
    puts_(o, "[");
    for (int i = 0; i < l->n; i++) {
        if (i)
            puts_(o, ", ");
        if (l->items[i])
            dump(o, l->items[i]);
        else
            puts_(o, "None");
    }
    puts_(o, "]");
}

static void dump_const(Out *o, const AstNode *n)
{
    char buf[64];
    switch (n->ck) {
    case CONST_NONE: puts_(o, "None"); break;
    case CONST_TRUE: puts_(o, "True"); break;
    case CONST_FALSE: puts_(o, "False"); break;
    case CONST_ELLIPSIS: puts_(o, "Ellipsis"); break;
    case CONST_INT: snprintf(buf, sizeof buf, "%lld", (long long)n->i); puts_(o, buf); break;
    case CONST_FLOAT: float_format_repr(n->f, buf, sizeof buf); puts_(o, buf); break;
    case CONST_STR: put_repr(o, n->s, n->slen, 0); break;
    case CONST_BYTES: put_repr(o, n->s, n->slen, 1); break;
    }
}

static void dump(Out *o, const AstNode *n)
{
    puts_(o, spec[n->kind].name);
    puts_(o, "(");
    int first = 1;
    for (const Field *f = spec[n->kind].fields; f->name; f++) {
        const AstNode *child = NULL;
        const AstList *list = NULL;
        const char *id = NULL;
        switch (f->slot) {
        case S_A: child = n->a; break;
        case S_B: child = n->b; break;
        case S_C: child = n->c; break;
        case S_D: child = n->d; break;
        case S_L1: list = &n->l1; break;
        case S_L2: list = &n->l2; break;
        case S_L3: list = &n->l3; break;
        case S_L4: list = &n->l4; break;
        case S_L5: list = &n->l5; break;
        case S_ID: id = n->s; break;
        case S_ID2: id = n->s2; break;
        default: break;
        }
        int is_node = f->slot >= S_A && f->slot <= S_D;
        if ((is_node && !child) || ((f->slot == S_ID || f->slot == S_ID2) && !id))
            continue;            /* None fields are left out, as ast.dump does */
        if (!first)
            puts_(o, ", ");
        first = 0;
        puts_(o, f->name);
        puts_(o, "=");
        char buf[32];
        switch (f->slot) {
        case S_A: case S_B: case S_C: case S_D: dump(o, child); break;
        case S_L1: case S_L2: case S_L3: case S_L4: case S_L5: dump_list(o, list); break;
        case S_ID: case S_ID2: put_repr(o, id, strlen(id), 0); break;
        case S_INT: snprintf(buf, sizeof buf, "%lld", (long long)n->i); puts_(o, buf); break;
        case S_OP: puts_(o, op_names[n->op]); puts_(o, "()"); break;
        case S_OPS:
            puts_(o, "[");
            for (int i = 0; i < n->l2.n; i++) {
                if (i)
                    puts_(o, ", ");
                puts_(o, op_names[n->l2.items[i]->op]);
                puts_(o, "()");
            }
            puts_(o, "]");
            break;
        case S_CTX: puts_(o, ctx_names[n->ctx]); puts_(o, "()"); break;
        case S_CONST: dump_const(o, n); break;
        case S_NAMES:
            puts_(o, "[");
            for (int i = 0; i < n->l1.n; i++) {
                if (i)
                    puts_(o, ", ");
                put_repr(o, n->l1.items[i]->s, strlen(n->l1.items[i]->s), 0);
            }
            puts_(o, "]");
            break;
        case S_EMPTY: puts_(o, "[]"); break;
        case S_END: break;
        }
    }
    puts_(o, ")");
}

char *ast_dump(const AstNode *tree)
{
    Out o = { 0 };
    dump(&o, tree);
    if (o.failed) {
        free(o.buf);
        return NULL;
    }
    return o.buf;
}
