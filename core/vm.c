/* vm.c — the evaluation loop (see vm.h). */
#include <stdio.h>
#include <string.h>
#include "vm_int.h"
#include "code.h"
#include "abstract.h"
#include "err.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "set.h"
#include "call.h"
#include "class.h"
#include "gc.h"
#include "iter.h"
#include "gen.h"
#include "objalloc.h"

static struct {
    MpObject *builtins;
    MpObject *exc_info;      /* owned */
    int recursion_limit;
    MpLineHook line_hook;
    void *line_ctx;
    MpImporter importer;
    int nesting;             /* eval loops active (C calls into Python add one) */
    uint64_t lines;          /* line starts so far */
    uint64_t step_cap;       /* 0: none */
    int stopped;             /* the step cap was reached: unwind everything */
    int stop_requested;      /* stop at the next line start (a stepper got its step) */
    int (*pause_check)(void *ctx);   /* asked at outermost line starts */
    void *pause_ctx;
    uint64_t pause_every;    /* 0: none; else pause at the first outermost
                                line start once `lines` reaches reenter_at */
    uint64_t reenter_at;
    /* The fast path of a line start only counts it: it is taken while
     * nothing watches lines (no hook, pause check or stop request) and
     * the count stays below line_alarm (the step cap or reenter_at). */
    int line_watch;
    uint64_t line_alarm;
} vm = { NULL, NULL, 1000, NULL, NULL, NULL, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, UINT64_MAX };

static void rearm(void)
{
    vm.line_watch = vm.line_hook || vm.pause_check || vm.stop_requested;
    vm.line_alarm = vm.step_cap ? vm.step_cap + 1 : UINT64_MAX;
    if (vm.pause_every && vm.reenter_at < vm.line_alarm)
        vm.line_alarm = vm.reenter_at;
}

/* What eval returns when it paused (a static marker, never an object the
 * snippet sees). */
static MpObject paused_marker = { 1, 0, &MpNone_Type };
MpObject *const vm_paused = &paused_marker;

void vm_set_pause_check(int (*check)(void *ctx), void *ctx)
{
    vm.pause_check = check;
    vm.pause_ctx = ctx;
    rearm();
}

void vm_set_pause_every(uint32_t lines)
{
    vm.pause_every = lines;
    vm.reenter_at = vm.lines + lines;
    rearm();
}
static MpObject *str_enter, *str_exit;

void vm_set_builtins(MpObject *dict) { vm.builtins = dict; }
MpObject *vm_builtins(void) { return vm.builtins; }
int vm_recursion_limit(void) { return vm.recursion_limit; }
void vm_set_recursion_limit(int limit) { vm.recursion_limit = limit; }
void vm_set_line_hook(MpLineHook hook, void *ctx)
{
    vm.line_hook = hook;
    vm.line_ctx = ctx;
    rearm();
}
MpObject *vm_exc_info(void) { return vm.exc_info; }
void vm_set_importer(MpImporter imp) { vm.importer = imp; }
void vm_set_step_cap(uint64_t cap)
{
    vm.step_cap = cap;
    rearm();
}

void vm_request_stop(void)
{
    vm.stop_requested = 1;
    rearm();
}
int vm_stopped(void) { return vm.stopped; }
uint64_t vm_line_count(void) { return vm.lines; }

void vm_reset(void)
{
    vm.builtins = NULL;
    vm.exc_info = NULL;
    vm.recursion_limit = 1000;
    vm.line_hook = NULL;
    vm.nesting = 0;
    vm.lines = 0;
    vm.step_cap = 0;
    vm.stopped = 0;
    vm.stop_requested = 0;
    vm.pause_check = NULL;
    vm.pause_every = vm.reenter_at = 0;
    rearm();
    str_enter = str_exit = NULL;
}

void vm_visit_roots(MpVisit visit, void *arg)
{
    if (vm.exc_info)
        visit(vm.exc_info, arg);
    if (str_enter)
        visit(str_enter, arg);
    if (str_exit)
        visit(str_exit, arg);
}

static MpObject *eval(MpFrame *f);

/* push_call once the recursion depth is checked. */
static inline __attribute__((always_inline)) MpFrame *push_bound(MpObject *func, MpObject **args, int nargs, MpObject *kwnames)
{
    MpFunction *fn = (MpFunction *)func;
    MpCode *co = (MpCode *)fn->code;
    MpFrame *f = frame_push(func, fn->globals, fn->code, co->nlocalsplus, co->stacksize);
    if (!f)
        return NULL;
    if (vm_bind_args(f, fn, args, nargs, kwnames) < 0) {
        frame_pop(f);
        return NULL;
    }
    return f;
}

/* vm_push_call, inline for CALL. */
static inline __attribute__((always_inline)) MpFrame *push_call(MpObject *func, MpObject **args, int nargs, MpObject *kwnames)
{
    if (frame_depth() >= vm.recursion_limit) {
        err_set(&MpExc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    return push_bound(func, args, nargs, kwnames);
}

MpFrame *vm_push_call(MpObject *func, MpObject **args, int nargs, MpObject *kwnames)
{
    return push_call(func, args, nargs, kwnames);
}

MpObject *vm_eval_frame(MpFrame *f)
{
    f->flags |= MP_FRAME_ENTRY;
    return eval(f);
}

/* A Python function called from C (an __init__, a callback): one depth
 * check, with its own message, then the frame and its eval loop. */
MpObject *vm_call(MpObject *func, MpObject **args, int nargs, MpObject *kwnames)
{
    if (frame_depth() >= vm.recursion_limit) {
        err_set(&MpExc_RecursionError, "maximum recursion depth exceeded while calling a Python object");
        return NULL;
    }
    MpFrame *f = push_bound(func, args, nargs, kwnames);
    return f ? vm_eval_frame(f) : NULL;
}

/* The frame a module's code runs in (the VM's names made on first use). */
static MpFrame *push_module_frame(MpObject *code, MpObject *globals)
{
    MpCode *co = (MpCode *)code;
    call_python_hook = vm_call;
    if (!str_enter && !(str_enter = str_from_cstr("__enter__")))
        return NULL;
    if (!str_exit && !(str_exit = str_from_cstr("__exit__")))
        return NULL;
    MpFrame *f = frame_push(NULL, globals, code, co->nlocalsplus, co->stacksize);
    if (f)
        f->flags |= MP_FRAME_ENTRY;
    return f;
}

MpObject *vm_start_module(MpObject *code, MpObject *globals)
{
    return push_module_frame(code, globals) ? vm_continue() : NULL;
}

/* Pausing is allowed only in the eval loop the module runs in (not in
 * Python code that C runs on its own, e.g. at shutdown). */
static int module_eval;

MpObject *vm_continue(void)
{
    module_eval = 1;
    MpObject *r = eval(frame_top());
    module_eval = 0;
    return r;
}

MpObject *vm_run_module(MpObject *code, MpObject *globals)
{
    MpFrame *f = push_module_frame(code, globals);
    return f ? eval(f) : NULL;
}

/* ---- names ------------------------------------------------------------------- */

/* NameError for name i of co, unless an error is already set. */
static __attribute__((noinline)) MpObject *name_not_found(MpCode *co, int i)
{
    if (!err_occurred()) {
        char buf[120];
        str_to_cbuf(tuple_item(co->names, i), buf, sizeof buf);
        err_set(&MpExc_NameError, "name '%s' is not defined", buf);
    }
    return NULL;
}

/* A module-level name (LOAD_GLOBAL, and LOAD_NAME outside class bodies),
 * through the code object's cache of where each name was found. */
static inline MpObject *load_global(MpFrame *f, int i)
{
    MpCode *co = (MpCode *)f->code;
    MpObject *v = dict_load_global(f->globals, vm.builtins, tuple_item(co->names, i), &co->namecache[i]);
    return v ? mp_newref(v) : name_not_found(co, i);
}

static MpObject *load_name(MpFrame *f, int i)
{
    if (f->locals) {
        MpObject *v = dict_getitem(f->locals, tuple_item(((MpCode *)f->code)->names, i));
        if (v)
            return mp_newref(v);
        if (err_occurred())
            return NULL;
    }
    return load_global(f, i);
}

/* The method a builtin type's tables give name (instance methods only),
 * through the code object's cache; NULL if none. */
static const MpMethodDef *builtin_method(MpMethodCache *c, MpType *type, MpObject *name)
{
    if (c->type == type)
        return c->def;
    const MpMethodDef *found = NULL;
    MpType *owner = NULL;
    for (MpType *t = type; t && !found; t = t->base)
        for (const MpMethodDef *d = t->methods; d && d->name && !found; d++)
            if (str_eq_cstr(name, d->name) && !(d->flags & (MP_METH_STATIC | MP_METH_CLASS))) {
                found = d;
                owner = t;
            }
    c->type = type;
    c->def = found;
    c->owner = owner;
    c->descr = NULL;
    return found;
}

static void unbound_local(MpFrame *f, int i, int is_free)
{
    char buf[120];
    str_to_cbuf(tuple_item(((MpCode *)f->code)->localsplusnames, i), buf, sizeof buf);
    if (is_free)
        err_set(&MpExc_NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", buf);
    else
        err_set(&MpExc_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", buf);
}

static void set_exc_info(MpObject *exc)
{
    MpObject *old = vm.exc_info;
    vm.exc_info = exc && exc != MP_NONE ? mp_newref(exc) : NULL;
    mp_xdecref(old);
}

static int line_of(MpFrame *f)
{
    MpCode *co = (MpCode *)f->code;
    int pc = f->pc > 0 ? f->pc - 1 : 0;
    return pc < co->ninstrs ? co->lines[pc] : co->firstlineno;
}

/* Adds this frame to the traceback of the pending exception. */
static void add_traceback(MpFrame *f)
{
    MpObject *exc = err_fetch();
    if (!exc) {
        err_set(&MpExc_SystemError, "error return without exception set");
        exc = err_fetch();
        if (!exc)
            return;
    }
    f->lineno = line_of(f);
    MpObject *fo = frame_object(f);
    if (fo) {
        MpObject *tb = tb_new(((MpExc *)exc)->traceback, fo, f->lineno);
        if (tb) {
            exc_set_traceback(exc, tb);
            mp_decref(tb);
        }
        mp_decref(fo);
    }
    if (vm.exc_info && vm.exc_info != exc && !((MpExc *)exc)->context) {
        /* avoid a cycle in the context chain */
        int cyc = 0;
        for (MpObject *c = vm.exc_info; c; c = ((MpExc *)c)->context)
            if (c == exc)
                cyc = 1;
        if (!cyc)
            exc_set_context(exc, vm.exc_info);
    }
    err_clear();
    err_restore(exc);
}

#define SP (&f->localsplus[f->stacktop])
/* The value first, then the slot: an event inside `v` (an incref) may
 * take a snapshot, which must see the stack as it was. */
#define PUSH(v) do { MpObject *p_ = (v); f->localsplus[f->stacktop++] = p_; } while (0)
#define POP() (f->localsplus[--f->stacktop])
#define TOP() (f->localsplus[f->stacktop - 1])
#define PEEK(n) (f->localsplus[f->stacktop - (n)])
#define DROP() do { MpObject *d_ = POP(); f->localsplus[f->stacktop] = NULL; mp_xdecref(d_); } while (0)
/* The two operands on top replaced by the result r (released after r is made). */
#define REPLACE2(r) do { DROP(); DROP(); PUSH(r); } while (0)

static MpObject *eval_loop(MpFrame *f, MpObject *throw_exc);

static MpObject *eval(MpFrame *f)
{
    vm.nesting++;
    MpObject *r = eval_loop(f, NULL);
    vm.nesting--;
    return r;
}

MpObject *vm_resume(MpFrame *f, MpObject *exc)
{
    vm.nesting++;
    MpObject *r = eval_loop(f, exc);
    vm.nesting--;
    return r;
}

/* A line of the snippet starts in f and something watches lines or the
 * count reaches line_alarm: pauses (1) at the outermost loop if a pause
 * is due, before the line counts; else counts it against the step cap
 * and calls the line hook (-1: an error to raise). */
static __attribute__((noinline)) int line_start(MpFrame *f, int line)
{
    if (module_eval && vm.nesting == 1) {
        if (vm.pause_every && vm.lines >= vm.reenter_at) {
            vm.reenter_at = vm.lines + vm.pause_every;
            rearm();
            return 1;
        }
        if (vm.pause_check && vm.pause_check(vm.pause_ctx))
            return 1;
    }
    f->lineno = line;
    if ((++vm.lines > vm.step_cap && vm.step_cap) || vm.stop_requested) {
        vm.stopped = 1;
        /* not an exception a snippet could catch: once the cap is
         * reached, every frame unwinds without running handlers */
        err_set(&MpExc_StepCapReached, "stopped at the step cap (%llu line steps)",
                (unsigned long long)vm.step_cap);
        return -1;
    }
    if (vm.line_hook) {
        vm.line_hook(f, line, vm.nesting, vm.line_ctx);
        if (err_occurred())
            return -1;
    }
    return 0;
}

/* Two exact ints (CPython 3.11 specialises BINARY_OP and COMPARE_OP for
 * them): the result of a comparison, +, -, *, // or %, inline, when it
 * cannot fail but for memory; else MP_NOTIMPL, and the general path
 * (obj_binop, obj_inplace, obj_compare) gives the same result or the
 * error. */
static inline MpObject *int_op_fast(int compare, AstOp op, int64_t a, int64_t b)
{
    int64_t r;
    if (compare) {
        if (op < OPK_Eq || op > OPK_GtE)
            return MP_NOTIMPL;
        return mp_newref(cmp_result(a < b ? -1 : a > b, op) ? MP_TRUE : MP_FALSE);
    }
    switch (op) {
    case OPK_Add:
        if (__builtin_add_overflow(a, b, &r))
            return MP_NOTIMPL;
        break;
    case OPK_Sub:
        if (__builtin_sub_overflow(a, b, &r))
            return MP_NOTIMPL;
        break;
    case OPK_Mult:
        /* factors of 32 bits cannot overflow 64: in WASM the checked
         * multiply is a call to compiler-rt's 128-bit __multi3 */
        if (a == (int32_t)a && b == (int32_t)b)
            r = a * b;
        else if (__builtin_mul_overflow(a, b, &r))
            return MP_NOTIMPL;
        break;
    case OPK_FloorDiv:
    case OPK_Mod: {
        if (b == 0 || (a == INT64_MIN && b == -1))
            return MP_NOTIMPL;   /* the general path raises */
        r = op == OPK_FloorDiv ? int_floordiv(a, b) : int_floormod(a, b);
        break;
    }
    default:
        return MP_NOTIMPL;
    }
    return int_from_i64_inline(r);
}

/* A range iterator's next int, made inline: a for loop over a range makes
 * one each time round. */
static inline MpObject *range_next(MpObject *it)
{
    int64_t v;
    return rangeiter_next_value(it, &v) ? int_from_i64_inline(v) : NULL;
}

/* len(x) and str(x), one positional argument: CPython 3.11 specialises
 * both calls (PRECALL_NO_KW_LEN, PRECALL_NO_KW_STR_1) to the builtin's own
 * work, without the layers of a call (obj_call, the builtin or the type's
 * constructor, its argument check) — in WASM a frame and a spill each. */
static inline int is_len_or_str(MpObject *callable)
{
    return callable == MP_OBJ(&MpStr_Type)
        || (callable->type == &MpBuiltin_Type && ((MpBuiltin *)callable)->kwfn == builtin_len);
}

static __attribute__((noinline)) MpObject *call_len_or_str(MpObject *callable, MpObject *arg)
{
    if (callable == MP_OBJ(&MpStr_Type))   /* an int's str is its repr */
        return arg->type == &MpInt_Type ? MpInt_Type.repr(arg) : obj_str(arg);
    MpType *t = arg->type;
    int64_t n = t == &MpList_Type ? list_size(arg) : t == &MpTuple_Type ? tuple_size(arg)
              : t == &MpStr_Type ? str_len(arg) : t == &MpDict_Type ? dict_size(arg) : obj_len(arg);
    return n < 0 ? NULL : int_from_i64(n);
}

/* The instructions a loop rarely runs (deletions, displays of sets, dicts
 * and strings, unpacking into calls, functions and classes being made,
 * exceptions, with, imports, yield from), out of eval_loop: the loop stays
 * small, which matters most in WASM, where V8 compiles a function as a
 * whole and a run goes on in baseline code until that is done (the loop
 * was 20-25 KB of WASM and took 60-160 ms).  They neither switch frames nor
 * leave the loop.  Returns 0, -1 on an error, -2 to re-raise the
 * exception set (no traceback entry added). */
static __attribute__((noinline)) int eval_rare(MpFrame *f, MpInstr in)
{
    MpCode *co = (MpCode *)f->code;
    int arg = instr_arg(in);
    MpObject *v, *r;
    switch (instr_op(in)) {
        case OP_DELETE_FAST:
            if (!f->localsplus[arg]) {
                unbound_local(f, arg, 0);
                return -1;
            }
            MP_CLEAR(f->localsplus[arg]);
            break;
        case OP_MAKE_CELL:
            v = cell_new(f->localsplus[arg]);
            if (!v)
                return -1;
            mp_xdecref(f->localsplus[arg]);
            f->localsplus[arg] = v;
            break;
        case OP_LOAD_CLOSURE:
            PUSH(mp_newref(f->localsplus[arg]));
            break;
        case OP_DELETE_DEREF:
            if (!((MpCell *)f->localsplus[arg])->ref) {
                unbound_local(f, arg, 0);
                return -1;
            }
            cell_set(f->localsplus[arg], NULL);
            break;
        case OP_DELETE_GLOBAL:
        case OP_DELETE_NAME: {
            MpObject *ns = instr_op(in) == OP_DELETE_NAME && f->locals ? f->locals : f->globals;
            if (dict_delitem(ns, tuple_item(co->names, arg)) < 0) {
                char buf[120];
                str_to_cbuf(tuple_item(co->names, arg), buf, sizeof buf);
                err_set(&MpExc_NameError, "name '%s' is not defined", buf);
                return -1;
            }
            break;
        }
        case OP_DELETE_ATTR: {
            int rc = obj_setattr(TOP(), tuple_item(co->names, arg), NULL);
            DROP();
            if (rc < 0)
                return -1;
            break;
        }
        case OP_DELETE_SUBSCR: {
            int rc = obj_setitem(PEEK(2), TOP(), NULL);
            DROP(); DROP();
            if (rc < 0)
                return -1;
            break;
        }
        case OP_BUILD_SLICE: {
            MpObject *step = arg == 3 ? TOP() : MP_NONE;
            r = slice_new(PEEK(arg), PEEK(arg - 1), step);
            if (!r)
                return -1;
            for (int i = 0; i < arg; i++)
                DROP();
            PUSH(r);
            break;
        }
        case OP_BUILD_SET:
            if (!(r = set_new()))
                return -1;
            for (int i = arg; i > 0; i--)
                if (set_add(r, PEEK(i)) < 0) {
                    mp_decref(r);
                    return -1;
                }
            for (int i = 0; i < arg; i++)
                DROP();
            PUSH(r);
            break;
        case OP_BUILD_MAP:
            if (!(r = dict_new()))
                return -1;
            for (int i = arg; i > 0; i--)
                if (dict_setitem(r, PEEK(2 * i), PEEK(2 * i - 1)) < 0) {
                    mp_decref(r);
                    return -1;
                }
            for (int i = 0; i < 2 * arg; i++)
                DROP();
            PUSH(r);
            break;
        case OP_BUILD_STRING: {
            StrBuf b = { 0 };
            for (int i = arg; i > 0; i--)
                strbuf_str(&b, PEEK(i));
            r = strbuf_finish(&b);
            if (!r)
                return -1;
            for (int i = 0; i < arg; i++)
                DROP();
            PUSH(r);
            break;
        }
        case OP_SET_ADD:
            if (set_add(PEEK(arg + 1), TOP()) < 0)
                return -1;
            DROP();
            break;
        case OP_MAP_ADD:
            if (dict_setitem(PEEK(arg + 2), PEEK(2), TOP()) < 0)
                return -1;
            DROP();
            DROP();
            break;
        case OP_LIST_EXTEND:
            if (list_extend(PEEK(arg + 1), TOP()) < 0) {
                if (err_matches(&MpExc_TypeError) && !obj_hasattr_cstr(TOP(), "__iter__")) {
                    err_clear();
                    err_set(&MpExc_TypeError, "Value after * must be an iterable, not %s", type_name(TOP()));
                }
                return -1;
            }
            DROP();
            break;
        case OP_SET_UPDATE: {
            MpObject *it = obj_iter(TOP());
            if (!it) {
                if (err_matches(&MpExc_TypeError)) {
                    err_clear();
                    err_set(&MpExc_TypeError, "Value after * must be an iterable, not %s", type_name(TOP()));
                }
                return -1;
            }
            MpObject *target = PEEK(arg + 1), *item;
            while ((item = obj_next(it))) {
                int rc = instr_op(in) == OP_LIST_EXTEND ? list_append(target, item) : set_add(target, item);
                mp_decref(item);
                if (rc < 0)
                    break;
            }
            mp_decref(it);
            if (err_occurred())
                return -1;
            DROP();
            break;
        }
        case OP_DICT_UPDATE:
        case OP_DICT_MERGE: {
            MpObject *src = TOP(), *target = PEEK(arg + 1);
            if (src->type != &MpDict_Type) {
                err_set(&MpExc_TypeError, "'%s' object is not a mapping", type_name(src));
                return -1;
            }
            int64_t pos = 0;
            MpObject *k, *val;
            while (dict_next(src, &pos, &k, &val)) {
                if (instr_op(in) == OP_DICT_MERGE && dict_getitem(target, k)) {
                    char buf[100];
                    str_to_cbuf(k, buf, sizeof buf);
                    err_set(&MpExc_TypeError, "got multiple values for keyword argument '%s'", buf);
                    return -1;
                }
                if (dict_setitem(target, k, val) < 0)
                    return -1;
            }
            DROP();
            break;
        }
        case OP_LIST_TO_TUPLE:
            if (!(r = seq_to_tuple(TOP())))
                return -1;
            DROP();
            PUSH(r);
            break;
        case OP_JUMP_IF_FALSE_OR_POP:
        case OP_JUMP_IF_TRUE_OR_POP: {
            int t = obj_truth(TOP());
            if (t < 0)
                return -1;
            if (t == (instr_op(in) == OP_JUMP_IF_TRUE_OR_POP))
                f->pc = arg;
            else
                DROP();
            break;
        }
        case OP_CALL_FUNCTION_EX: {
            MpObject *kwargs = (arg & 1) ? TOP() : NULL;
            MpObject *pargs = PEEK((arg & 1) + 1);
            MpObject *callable = PEEK((arg & 1) + 2);
            int np = (int)tuple_size(pargs), nk = kwargs ? (int)dict_size(kwargs) : 0;
            MpObject *argv[256];
            if (np + nk > 256) {
                err_set(&MpExc_TypeError, "too many arguments");
                return -1;
            }
            for (int i = 0; i < np; i++)
                argv[i] = tuple_item(pargs, i);
            MpObject *kn = NULL;
            if (nk) {
                if (!(kn = tuple_new(nk)))
                    return -1;
                int64_t pos = 0;
                MpObject *k, *val;
                int i = 0;
                while (dict_next(kwargs, &pos, &k, &val)) {
                    ((MpTuple *)kn)->items[i] = mp_newref(k);
                    argv[np + i++] = val;
                }
            }
            r = obj_call(callable, argv, np, kn);
            mp_xdecref(kn);
            for (int i = 0; i < (arg & 1) + 3; i++)
                DROP();
            if (!r)
                return -1;
            PUSH(r);
            break;
        }
        case OP_MAKE_FUNCTION:
            if (!(r = vm_make_function(f, arg, SP)))
                return -1;
            for (int i = 0; i < 1 + (arg & 1) + ((arg >> 1) & 1) + ((arg >> 3) & 1); i++)
                DROP();
            PUSH(r);
            break;
        case OP_BUILD_CLASS:
            if (!(r = vm_build_class(PEEK(3), PEEK(2), TOP())))
                return -1;
            DROP(); DROP(); DROP();
            PUSH(r);
            break;
        case OP_FORMAT_VALUE: {
            MpObject *spec = (arg & 4) ? TOP() : NULL;
            MpObject *val = PEEK((arg & 4) ? 2 : 1);
            if (!(r = vm_format_value(val, arg & 3, spec)))
                return -1;
            if (spec)
                DROP();
            DROP();
            PUSH(r);
            break;
        }
        case OP_RAISE: {
            MpObject *exc = NULL, *cause = NULL;
            if (arg == 0) {
                if (!vm.exc_info) {
                    err_set(&MpExc_RuntimeError, "No active exception to reraise");
                    return -1;
                }
                err_restore(mp_newref(vm.exc_info));
                return -2;
            }
            if (arg == 2)
                cause = TOP();
            v = PEEK(arg);
            if (v->type == &MpType_Type && exc_type_check((MpType *)v)) {
                if (!(exc = obj_call(v, NULL, 0, NULL)))
                    return -1;
            } else if (exc_check(v)) {
                exc = mp_newref(v);
            } else {
                err_set(&MpExc_TypeError, "exceptions must derive from BaseException");
                return -1;
            }
            if (cause) {
                if (cause == MP_NONE)
                    exc_set_cause(exc, NULL);
                else if (cause->type == &MpType_Type && exc_type_check((MpType *)cause)) {
                    MpObject *c = obj_call(cause, NULL, 0, NULL);
                    if (!c) {
                        mp_decref(exc);
                        return -1;
                    }
                    exc_set_cause(exc, c);
                    mp_decref(c);
                } else if (exc_check(cause)) {
                    exc_set_cause(exc, cause);
                } else {
                    mp_decref(exc);
                    err_set(&MpExc_TypeError, "exception causes must derive from BaseException");
                    return -1;
                }
            }
            for (int i = 0; i < arg; i++)
                DROP();
            err_restore(exc);
            return -1;
        }
        case OP_RERAISE:
            v = POP();
            f->localsplus[f->stacktop] = NULL;
            err_restore(v);
            return -2;
        case OP_PUSH_EXC_INFO:
            v = POP();
            PUSH(vm.exc_info ? mp_newref(vm.exc_info) : mp_newref(MP_NONE));
            set_exc_info(v);
            PUSH(v);
            break;
        case OP_POP_EXCEPT:
            set_exc_info(TOP());
            DROP();
            break;
        case OP_CHECK_EXC_MATCH: {
            int m = vm_exc_matches(PEEK(2), TOP());
            if (m < 0)
                return -1;
            DROP();
            PUSH(mp_newref(m ? MP_TRUE : MP_FALSE));
            break;
        }
        case OP_EXC_CLEANUP:
            v = POP();   /* the new exception; below it, the one handled before */
            f->localsplus[f->stacktop] = NULL;
            set_exc_info(TOP());
            DROP();
            err_restore(v);
            return -2;
        case OP_BEFORE_WITH: {
            MpObject *mgr = TOP();
            MpObject *en = type_lookup_method(mgr->type, str_enter, mgr);
            MpObject *ex = en ? type_lookup_method(mgr->type, str_exit, mgr) : NULL;
            if (!ex) {
                mp_xdecref(en);
                if (!err_occurred())
                    err_set(&MpExc_TypeError, "'%s' object does not support the context manager protocol",
                            type_name(mgr));
                return -1;
            }
            r = obj_call(en, NULL, 0, NULL);
            mp_decref(en);
            if (!r) {
                mp_decref(ex);
                return -1;
            }
            DROP();
            PUSH(ex);
            PUSH(r);
            break;
        }
        case OP_WITH_EXIT: {
            MpObject *none3[3] = { MP_NONE, MP_NONE, MP_NONE };
            r = obj_call(TOP(), none3, 3, NULL);
            DROP();
            if (!r)
                return -1;
            mp_decref(r);
            break;
        }
        case OP_WITH_EXCEPT_START: {
            MpObject *exc = TOP(), *exit = PEEK(3);
            MpObject *tb = ((MpExc *)exc)->traceback;
            MpObject *a[3] = { MP_OBJ(exc->type), exc, tb ? tb : MP_NONE };
            if (!(r = obj_call(exit, a, 3, NULL)))
                return -1;
            PUSH(r);
            break;
        }
        case OP_LOAD_ASSERTION_ERROR:
            PUSH(mp_newref(MP_OBJ(&MpExc_AssertionError)));
            break;
        case OP_IMPORT_NAME:
            if (!vm.importer) {
                err_set(&MpExc_RuntimeError, "no modules");
                return -1;
            }
            if (!(r = vm.importer(tuple_item(co->names, arg))))
                return -1;
            PUSH(r);
            break;
        case OP_IMPORT_FROM:
            if (!(r = vm_import_from(TOP(), tuple_item(co->names, arg))))
                return -1;
            PUSH(r);
            break;
        case OP_GET_YIELD_FROM_ITER:
            if (TOP()->type != &MpGen_Type) {
                if (!(r = obj_iter(TOP())))
                    return -1;
                DROP();
                PUSH(r);
            }
            break;
        case OP_SEND: {
            MpObject *it = PEEK(2), *val = TOP(), *ret = NULL;
            if (it->type == &MpGen_Type) {
                r = gen_send(it, val, NULL, &ret);
            } else if (val == MP_NONE) {
                r = obj_next(it);
            } else {
                MpObject *m = obj_getattr_cstr(it, "send");
                r = m ? obj_call(m, &val, 1, NULL) : NULL;
                mp_xdecref(m);
            }
            if (r) {
                DROP();
                PUSH(r);
                break;
            }
            if (err_occurred()) {
                if (!err_matches(&MpExc_StopIteration))
                    return -1;
                MpObject *e = err_fetch();
                MpExc *ex = (MpExc *)e;
                ret = ex->args && tuple_size(ex->args) ? mp_newref(tuple_item(ex->args, 0)) : NULL;
                mp_decref(e);
            }
            DROP();
            DROP();
            PUSH(ret ? ret : mp_newref(MP_NONE));
            f->pc = arg;
            break;
        }
        case OP_GEN_START:
            break;
        default:
            err_set(&MpExc_RuntimeError, "memplay: unknown opcode %d", (int)instr_op(in));
            return -1;
    }
    return 0;
}

static MpObject *eval_loop(MpFrame *f, MpObject *throw_exc)
{
    MpObject *kwnames = NULL;
    int reraise = 0;
    int last_line = -1;
    MpCode *co = (MpCode *)f->code;   /* f's, set again wherever f changes */
    if (throw_exc) {
        err_restore(throw_exc);
        goto error;
    }
    for (;;) {
        MpInstr in = co->instrs[f->pc];
        int line = co->lines[f->pc];
        f->pc++;
        int arg = instr_arg(in);
        if (line != last_line && line > 0) {
            if (co->flags & MP_CO_INTERNAL) {
                f->lineno = line;   /* memplay's own Python: not the snippet's lines */
            } else if (vm.line_watch || vm.lines + 1 >= vm.line_alarm) {
                int rc = line_start(f, line);
                if (rc > 0) {
                    f->pc--;   /* this line starts again when the run continues */
                    return vm_paused;
                }
                if (rc < 0)
                    goto error;
            } else {
                vm.lines++;
                f->lineno = line;
            }
            last_line = line;
        }
        MpObject *v, *w, *r;
        switch (instr_op(in)) {
        case OP_NOP:
            break;
        case OP_POP_TOP:
            DROP();
            break;
        case OP_PUSH_NULL:
            PUSH(NULL);
            break;
        case OP_COPY:
            v = PEEK(arg);
            PUSH(v ? mp_newref(v) : NULL);
            break;
        case OP_SWAP:
            v = TOP();
            TOP() = PEEK(arg);
            PEEK(arg) = v;
            break;
        case OP_LOAD_CONST:
            PUSH(mp_newref(tuple_item(co->consts, arg)));
            break;
        case OP_LOAD_FAST:
            v = f->localsplus[arg];
            if (!v) {
                unbound_local(f, arg, 0);
                goto error;
            }
            PUSH(mp_newref(v));
            break;
        case OP_STORE_FAST:
            v = f->localsplus[arg];
            f->localsplus[arg] = POP();
            f->localsplus[f->stacktop] = NULL;
            mp_xdecref(v);
            break;
        case OP_COPY_FREE_VARS: {   /* every call of a closure starts with it */
            MpObject *closure = ((MpFunction *)f->func)->closure;
            for (int i = 0; i < arg; i++)
                f->localsplus[co->nlocalsplus - arg + i] = mp_newref(tuple_item(closure, i));
            break;
        }
        case OP_LOAD_DEREF:
        case OP_LOAD_CLASSDEREF:
            if (instr_op(in) == OP_LOAD_CLASSDEREF && f->locals) {
                v = dict_getitem(f->locals, tuple_item(co->localsplusnames, arg));
                if (v) {
                    PUSH(mp_newref(v));
                    break;
                }
            }
            v = ((MpCell *)f->localsplus[arg])->ref;
            if (!v) {
                unbound_local(f, arg, (co->localkinds[arg] & MP_FREE) != 0);
                goto error;
            }
            PUSH(mp_newref(v));
            break;
        case OP_STORE_DEREF:
            v = POP();
            f->localsplus[f->stacktop] = NULL;
            cell_set(f->localsplus[arg], v);
            mp_decref(v);
            break;
        case OP_LOAD_GLOBAL:
            if (!(v = load_global(f, arg)))
                goto error;
            PUSH(v);
            break;
        case OP_LOAD_NAME:
            if (!(v = load_name(f, arg)))
                goto error;
            PUSH(v);
            break;
        case OP_STORE_GLOBAL:
        case OP_STORE_NAME: {
            v = TOP();
            int rc = instr_op(in) == OP_STORE_NAME && f->locals
                   ? dict_setitem(f->locals, tuple_item(co->names, arg), v)
                   : dict_store_global(f->globals, tuple_item(co->names, arg), v, &co->namecache[arg]);
            DROP();
            if (rc < 0)
                goto error;
            break;
        }
        case OP_LOAD_ATTR:
            v = TOP();
            w = tuple_item(co->names, arg);
            r = instance_attr_fast_ok(v->type, 0) ? instance_load_attr_fast(v, w) : NULL;
            if (!r && !(r = obj_getattr(v, w)))
                goto error;
            DROP();
            PUSH(r);
            break;
        case OP_LOAD_METHOD: {
            MpObject *obj = TOP(), *name = tuple_item(co->names, arg);
            MpObject *meth = NULL;
            if ((obj->type->flags & MP_TF_MANAGED_DICT) && !obj->type->getattro) {
                MpObject *found = class_lookup(obj->type, name);
                /* a function on the class, not shadowed by the instance's
                 * own attribute: the function and self, no bound method
                 * (CPython 3.11's LOAD_METHOD) */
                if (found && found->type == &MpFunction_Type && !instance_lookup_own(obj, name))
                    meth = mp_newref(found);
            } else if (!(obj->type->flags & MP_TF_HEAPTYPE) && obj->type != &MpType_Type) {
                MpMethodCache *mc = &co->methodcache[arg];
                const MpMethodDef *d = builtin_method(mc, obj->type, name);
                if (d && mc->descr) {
                    meth = mp_newref(mc->descr);
                } else if (d) {
                    if (!(meth = builtin_descriptor(d, mc->owner)))
                        goto error;
                    mc->descr = builtin_descriptor_kept(d);
                }
            }
            if (meth) {
                f->localsplus[f->stacktop - 1] = meth;
                PUSH(obj);
            } else {
                r = obj_getattr(obj, name);
                if (!r)
                    goto error;
                f->localsplus[f->stacktop - 1] = NULL;
                PUSH(r);
                mp_decref(obj);
            }
            break;
        }
        case OP_STORE_ATTR: {
            MpObject *obj = TOP(), *val = PEEK(2), *name = tuple_item(co->names, arg);
            int rc = instance_attr_fast_ok(obj->type, 1) && instance_store_attr_fast(obj, name, val)
                   ? 0 : obj_setattr(obj, name, val);
            DROP();
            DROP();
            if (rc < 0)
                goto error;
            break;
        }
        case OP_BINARY_OP:
        case OP_INPLACE_OP:
        case OP_COMPARE_OP:
            w = TOP();
            v = PEEK(2);
            r = v->type == &MpInt_Type && w->type == &MpInt_Type
              ? int_op_fast(instr_op(in) == OP_COMPARE_OP, (AstOp)arg, int_as_i64(v), int_as_i64(w))
              : MP_NOTIMPL;
            if (r == MP_NOTIMPL)
                r = instr_op(in) == OP_BINARY_OP ? obj_binop(v, w, (AstOp)arg)
                  : instr_op(in) == OP_INPLACE_OP ? obj_inplace(v, w, (AstOp)arg)
                  : obj_compare(v, w, (AstOp)arg);
            if (!r)
                goto error;
            REPLACE2(r);
            break;
        case OP_UNARY_OP:
            r = obj_unary(TOP(), (AstOp)arg);
            if (!r)
                goto error;
            DROP();
            PUSH(r);
            break;
        case OP_BINARY_SUBSCR:
            r = obj_getitem_inline(PEEK(2), TOP());
            if (!r)
                goto error;
            REPLACE2(r);
            break;
        case OP_STORE_SUBSCR: {
            int rc = obj_setitem_inline(PEEK(2), TOP(), PEEK(3));
            DROP(); DROP(); DROP();
            if (rc < 0)
                goto error;
            break;
        }
        case OP_BUILD_TUPLE:
        case OP_BUILD_LIST: {
            r = instr_op(in) == OP_BUILD_TUPLE ? tuple_new(arg) : list_new(arg);
            if (!r)
                goto error;
            MpObject **items = instr_op(in) == OP_BUILD_TUPLE ? ((MpTuple *)r)->items : ((MpList *)r)->items;
            for (int i = arg - 1; i >= 0; i--) {
                items[i] = POP();
                f->localsplus[f->stacktop] = NULL;
            }
            PUSH(r);
            break;
        }
        case OP_LIST_APPEND:
            if (list_append(PEEK(arg + 1), TOP()) < 0)
                goto error;
            DROP();
            break;
        case OP_UNPACK_SEQUENCE:
        case OP_UNPACK_EX: {
            int before = instr_op(in) == OP_UNPACK_EX ? (arg & 0xff) : arg;
            int after = instr_op(in) == OP_UNPACK_EX ? (arg >> 8) : -1;
            int n = after < 0 ? before : before + 1 + after;
            MpObject *seq = POP();
            f->localsplus[f->stacktop] = NULL;
            int rc = vm_unpack(seq, before, after, &f->localsplus[f->stacktop]);
            mp_decref(seq);
            if (rc < 0)
                goto error;
            f->stacktop += n;
            break;
        }
        case OP_JUMP:
            if (arg < f->pc)
                last_line = -1;   /* a loop goes round: its line starts again */
            f->pc = arg;
            break;
        case OP_POP_JUMP_IF_FALSE:
        case OP_POP_JUMP_IF_TRUE: {
            v = TOP();
            int t = v == MP_TRUE ? 1 : v == MP_FALSE ? 0 : obj_truth(v);
            if (t < 0)
                goto error;
            DROP();
            if (t == (instr_op(in) == OP_POP_JUMP_IF_TRUE)) {
                if (arg < f->pc)
                    last_line = -1;
                f->pc = arg;
            }
            break;
        }
        case OP_GET_ITER:
            if (!(r = obj_iter(TOP())))
                goto error;
            DROP();
            PUSH(r);
            break;
        case OP_FOR_ITER:
            v = TOP();
            /* the iterator's own iternext when its type has one, as obj_next
             * would find first */
            r = v->type == &MpRangeIter_Type ? range_next(v)
              : v->type == &MpListIter_Type ? listiter_next_inline(v)
              : v->type->iternext ? v->type->iternext(v) : obj_next(v);
            if (r) {
                PUSH(r);
            } else {
                if (err_occurred())
                    goto error;
                DROP();
                f->pc = arg;
            }
            break;
        case OP_KW_NAMES:
            kwnames = tuple_item(co->consts, arg);
            break;
        case OP_CALL: {
            int n = arg;
            MpObject *kw = kwnames;
            kwnames = NULL;
            MpObject *callable = PEEK(n + 2);
            MpObject **args;
            int nargs;
            if (!callable && PEEK(n + 1)->type == &MpMethod_Type) {
                MpMethod *m = (MpMethod *)PEEK(n + 1);
                PEEK(n + 2) = mp_newref(m->func);
                PEEK(n + 1) = mp_newref(m->self);
                mp_decref(MP_OBJ(m));
                callable = PEEK(n + 2);
            }
            int pair = callable != NULL;   /* [method, self, args...] */
            if (pair) {
                args = SP - n - 1;
                nargs = n + 1;
            } else {
                callable = PEEK(n + 1);
                args = SP - n;
                nargs = n;
            }
            int nkw = kw ? (int)tuple_size(kw) : 0;
            nargs -= nkw;
            if (callable->type == &MpFunction_Type) {
                MpFrame *nf = push_call(callable, args, nargs, kw);
                for (int i = 0; i < n + 2; i++)
                    DROP();
                if (!nf)
                    goto error;
                f = nf;
                co = (MpCode *)f->code;
                break;
            }
            /* a builtin type's method and its self, as LOAD_METHOD pushed
             * them (self is of the method's type): its C function straight,
             * as CPython 3.11's PRECALL_METHOD_DESCRIPTOR_FAST does */
            if (pair && callable->type == &MpBuiltin_Type && ((MpBuiltin *)callable)->def)
                r = ((MpBuiltin *)callable)->kwfn(args[0], args + 1, nargs - 1, kw);
            else
                r = nargs == 1 && !kw && is_len_or_str(callable) ? call_len_or_str(callable, args[0])
                  : obj_call(callable, args, nargs, kw);
            for (int i = 0; i < n + 2; i++)
                DROP();
            if (!r)
                goto error;
            PUSH(r);
            break;
        }
        case OP_RETURN_VALUE:
            r = POP();
            f->localsplus[f->stacktop] = NULL;
            goto leave_frame;
        case OP_RETURN_GENERATOR:
            if (!(r = gen_from_frame(f)))
                goto error;
        leave_frame: {
            /* the frame ends with r: to the C that ran it (an entry frame),
             * else to the caller's stack */
            int entry = f->flags & MP_FRAME_ENTRY;
            MpFrame *prev = f->previous;
            frame_pop_inline(f);
            if (entry)
                return r;
            f = prev;
            co = (MpCode *)f->code;
            PUSH(r);
            last_line = -1;
            break;
        }
        case OP_YIELD_VALUE:
            v = POP();
            f->localsplus[f->stacktop] = NULL;
            frame_unlink(f);
            return v;
        default:
            switch (eval_rare(f, in)) {
            case -1:
                goto error;
            case -2:
                reraise = 1;
                goto error;
            }
            break;
        }
        continue;

    error:
        for (;;) {
            if (!reraise)
                add_traceback(f);
            reraise = 0;
            kwnames = NULL;
            co = (MpCode *)f->code;
            int pc = f->pc - 1;
            int h = pc >= 0 && pc < co->ninstrs && !vm.stopped ? co->handlers[pc] : -1;
            if (h >= 0) {
                MpHandler *hd = &co->handler_table[h];
                while (f->stacktop > co->nlocalsplus + hd->depth)
                    DROP();
                PUSH(err_fetch());
                f->pc = hd->target;
                break;
            }
            int entry = f->flags & MP_FRAME_ENTRY;
            MpFrame *prev = f->previous;
            MpObject *exc = err_fetch();
            frame_pop(f);
            err_restore(exc);
            if (entry)
                return NULL;
            f = prev;
            last_line = -1;
        }
    }
}
