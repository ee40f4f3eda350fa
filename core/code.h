/* code.h — compiled code: the instruction set and code objects.
 *
 * The compiler (compile*.c) turns each scope of a snippet — the module, a
 * function, a lambda, a comprehension, a class body — into a code object;
 * the VM (vm*.c) runs them.  The instruction set follows CPython 3.11's
 * in spirit (a value stack; calls as [NULL or method, callable or self,
 * args...]; exceptions found through a per-instruction handler table
 * rather than a block stack), so the stack and the frames have the shape
 * and size CPython's have.
 *
 * A code object is a heap object of type `code` (not GC-tracked, as in
 * CPython); the instructions, line numbers and handler table are interpreter
 * data kept on the host beside it.
 */
#ifndef MP_CODE_H
#define MP_CODE_H

#include "object.h"

#define MP_OPCODES(X) \
    X(NOP) X(POP_TOP) X(PUSH_NULL) X(COPY) X(SWAP) \
    X(LOAD_CONST) X(LOAD_FAST) X(STORE_FAST) X(DELETE_FAST) \
    X(LOAD_DEREF) X(STORE_DEREF) X(DELETE_DEREF) X(LOAD_CLOSURE) X(LOAD_CLASSDEREF) \
    X(MAKE_CELL) X(COPY_FREE_VARS) \
    X(LOAD_GLOBAL) X(STORE_GLOBAL) X(DELETE_GLOBAL) \
    X(LOAD_NAME) X(STORE_NAME) X(DELETE_NAME) \
    X(LOAD_ATTR) X(STORE_ATTR) X(DELETE_ATTR) X(LOAD_METHOD) \
    X(BINARY_OP) X(INPLACE_OP) X(UNARY_OP) X(COMPARE_OP) \
    X(BINARY_SUBSCR) X(STORE_SUBSCR) X(DELETE_SUBSCR) X(BUILD_SLICE) \
    X(BUILD_TUPLE) X(BUILD_LIST) X(BUILD_SET) X(BUILD_MAP) X(BUILD_STRING) \
    X(LIST_APPEND) X(SET_ADD) X(MAP_ADD) X(LIST_EXTEND) X(SET_UPDATE) X(DICT_UPDATE) \
    X(DICT_MERGE) X(LIST_TO_TUPLE) \
    X(UNPACK_SEQUENCE) X(UNPACK_EX) \
    X(JUMP) X(POP_JUMP_IF_FALSE) X(POP_JUMP_IF_TRUE) X(JUMP_IF_FALSE_OR_POP) \
    X(JUMP_IF_TRUE_OR_POP) X(GET_ITER) X(FOR_ITER) \
    X(KW_NAMES) X(CALL) X(CALL_FUNCTION_EX) X(RETURN_VALUE) \
    X(MAKE_FUNCTION) X(BUILD_CLASS) X(FORMAT_VALUE) \
    X(RAISE) X(RERAISE) X(PUSH_EXC_INFO) X(POP_EXCEPT) X(CHECK_EXC_MATCH) X(EXC_CLEANUP) \
    X(BEFORE_WITH) X(WITH_EXIT) X(WITH_EXCEPT_START) X(LOAD_ASSERTION_ERROR) \
    X(IMPORT_NAME) X(IMPORT_FROM) \
    X(GEN_START) X(YIELD_VALUE) X(GET_YIELD_FROM_ITER) X(SEND) X(RETURN_GENERATOR)

typedef enum MpOpcode {
#define X(name) OP_##name,
    MP_OPCODES(X)
#undef X
    OP_COUNT
} MpOpcode;

extern const char *const opcode_names[OP_COUNT];

/* One instruction: opcode in the low 8 bits, argument above. */
typedef uint32_t MpInstr;
static inline MpOpcode instr_op(MpInstr i) { return (MpOpcode)(i & 0xff); }
static inline int32_t instr_arg(MpInstr i) { return (int32_t)(i >> 8); }

/* Where an exception raised at an instruction goes. */
typedef struct MpHandler {
    int32_t target;    /* instruction index of the handler */
    int32_t depth;     /* value-stack depth to unwind to before pushing the exception */
} MpHandler;

enum {
    MP_CO_VARARGS = 0x04, MP_CO_VARKEYWORDS = 0x08, MP_CO_GENERATOR = 0x20,
    MP_CO_CLASSBODY = 0x1000, MP_CO_MODULE = 0x2000,
    /* memplay's own Python (the weakref module's prelude): its lines are
     * not the snippet's, so they are not line steps */
    MP_CO_INTERNAL = 0x10000000,
};

/* Kind of each local slot (localsplus). */
enum { MP_LOCAL = 1, MP_CELL = 2, MP_FREE = 4 };

/* The method of a builtin type a LOAD_METHOD last found for a name
 * (builtin types' method tables never change). */
typedef struct MpMethodCache {
    const MpType *type;              /* NULL: empty */
    const struct MpMethodDef *def;   /* NULL: not in type's tables */
    const MpType *owner;             /* the type whose table has def */
    MpObject *descr;                 /* def's descriptor (borrowed from call.c's
                                        table, which keeps it for the run); NULL:
                                        not known yet */
} MpMethodCache;

typedef struct MpCode {
    MpObject ob;
    MpInstr *instrs;         /* host data */
    int32_t *lines;          /* line of each instruction */
    int16_t *handlers;       /* handler index per instruction, -1: none */
    MpHandler *handler_table;
    int32_t ninstrs, nhandlers;
    MpObject *consts;        /* tuple */
    MpObject *names;         /* tuple of str */
    struct MpNameCache *namecache;   /* host data: one per name (dict.h) */
    struct MpMethodCache *methodcache;   /* host data: one per name */
    MpObject *localsplusnames;   /* tuple of str */
    uint8_t *localkinds;
    MpObject *name, *qualname;
    int32_t argcount, posonlyargcount, kwonlyargcount;
    int32_t nlocalsplus, nlocals, ncells, nfree;
    int32_t stacksize, flags, firstlineno;
} MpCode;

extern MpType MpCode_Type;

/* The CPython size of a code object with n instructions. */
size_t code_cpython_size(int ninstrs);

/* Makes a code object; takes ownership of the host arrays (malloc'd) and
 * borrows the objects. */
MpObject *code_new(MpCode *tmpl);
/* Frees the host arrays of a code object still alive when the runtime
 * shuts down (its simulated memory goes with the heap). */
void code_release_host(MpObject *o);

#endif
