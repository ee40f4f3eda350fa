/* ast.h — the syntax tree of a snippet, shaped like Python's `ast` module.
 *
 * Node kinds and field names are those of CPython 3.11's ast, so that
 * ast_dump() prints exactly what `ast.dump(ast.parse(src))` prints and the
 * parser is tested against CPython itself.  Every node lives in one arena
 * that is freed as a whole: the tree is compiler data on the host, not
 * part of the simulated memory the snippet sees.
 *
 * A node has a few generic slots; the table in ast.c names, per kind,
 * which slot holds which field (e.g. BinOp: left = a, op = op, right = b).
 */
#ifndef MP_AST_H
#define MP_AST_H

#include <stddef.h>
#include <stdint.h>

typedef enum AstKind {
    /* mod, statements */
    AST_Module, AST_FunctionDef, AST_ClassDef, AST_Return, AST_Delete, AST_Assign,
    AST_AugAssign, AST_AnnAssign, AST_For, AST_While, AST_If, AST_With, AST_Raise,
    AST_Try, AST_Assert, AST_Import, AST_ImportFrom, AST_Global, AST_Nonlocal,
    AST_Expr, AST_Pass, AST_Break, AST_Continue,
    /* expressions */
    AST_BoolOp, AST_NamedExpr, AST_BinOp, AST_UnaryOp, AST_Lambda, AST_IfExp,
    AST_Dict, AST_Set, AST_ListComp, AST_SetComp, AST_DictComp, AST_GeneratorExp,
    AST_Yield, AST_YieldFrom, AST_Compare, AST_Call, AST_FormattedValue,
    AST_JoinedStr, AST_Constant, AST_Attribute, AST_Subscript, AST_Starred,
    AST_Name, AST_List, AST_Tuple, AST_Slice,
    /* helpers */
    AST_comprehension, AST_ExceptHandler, AST_arguments, AST_arg, AST_keyword,
    AST_alias, AST_withitem,
    AST_NKINDS
} AstKind;

/* Operators, in the order of ast's names table (ast.c). */
typedef enum AstOp {
    OPK_NONE,
    OPK_And, OPK_Or,
    OPK_Add, OPK_Sub, OPK_Mult, OPK_MatMult, OPK_Div, OPK_Mod, OPK_Pow, OPK_LShift,
    OPK_RShift, OPK_BitOr, OPK_BitXor, OPK_BitAnd, OPK_FloorDiv,
    OPK_Invert, OPK_Not, OPK_UAdd, OPK_USub,
    OPK_Eq, OPK_NotEq, OPK_Lt, OPK_LtE, OPK_Gt, OPK_GtE, OPK_Is, OPK_IsNot, OPK_In, OPK_NotIn,
    OPK_COUNT
} AstOp;

typedef enum AstCtx { CTX_NONE, CTX_Load, CTX_Store, CTX_Del } AstCtx;

typedef enum AstConst {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS, CONST_INT, CONST_FLOAT,
    CONST_STR, CONST_BYTES,
} AstConst;

typedef struct AstNode AstNode;

typedef struct AstList {
    AstNode **items;      /* may hold NULL (kw_defaults, dict ** keys) */
    int n, cap;
} AstList;

struct AstNode {
    AstKind kind;
    int line, col, end_line, end_col;
    AstNode *a, *b, *c, *d;
    AstList l1, l2, l3, l4, l5;
    const char *s;        /* identifier, or decoded str/bytes value (UTF-8) */
    size_t slen;
    const char *s2;       /* a second identifier (alias.asname) */
    int64_t i;            /* int value, conversion, simple, is_async, level */
    double f;
    AstOp op;
    AstCtx ctx;
    AstConst ck;          /* Constant: which kind */
};

typedef struct AstArena AstArena;

AstArena *ast_arena_new(void);
void ast_arena_free(AstArena *ar);
void *ast_alloc(AstArena *ar, size_t n);          /* zeroed; NULL if the host is out of memory */
AstNode *ast_node(AstArena *ar, AstKind kind, int line, int col);
int ast_list_push(AstArena *ar, AstList *l, AstNode *n);
const char *ast_strdup(AstArena *ar, const char *s, size_t n);

/* Writes ast.dump(tree) into a malloc'd string (NULL if out of memory). */
char *ast_dump(const AstNode *tree);

#endif
