/* mod_weakref.c — the weakref module: ref, proxy, getweakrefcount and
 * getweakrefs in C over weakref.c; WeakValueDictionary,
 * WeakKeyDictionary, WeakSet and finalize written in Python (as CPython's
 * weakref.py is), compiled when the module is first imported. */
#include <stdio.h>
#include <string.h>
#include "module.h"
#include "abstract.h"
#include "err.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "weakref.h"
#include "run.h"

static MpObject *weakref_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_no_kw("ref", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2) {
        err_set(&MpExc_TypeError, nargs ? "__new__ expected at most 2 arguments, got %d"
                                        : "__new__ expected at least 1 argument, got %d", nargs);
        return NULL;
    }
    return weakref_new(args[0], nargs == 2 ? args[1] : NULL);
}

static MpObject *wr_getweakrefcount(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("getweakrefcount", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return int_from_i64(args[0]->type->weaklistoffset ? weakref_count(args[0]) : 0);
}

static MpObject *wr_getweakrefs(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("getweakrefs", nargs, kwnames, 1, 1) < 0)
        return NULL;
    MpObject *l = list_new(0);
    if (!l || !args[0]->type->weaklistoffset)
        return l;
    for (MpWeakref *w = *weakref_listptr(args[0]); w; w = w->next)
        if (list_append(l, MP_OBJ(w)) < 0) {
            mp_decref(l);
            return NULL;
        }
    return l;
}

static MpObject *wr_proxy(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_no_kw("proxy", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2) {
        err_set(&MpExc_TypeError, nargs ? "proxy expected at most 2 arguments, got %d"
                                        : "proxy expected at least 1 argument, got %d", nargs);
        return NULL;
    }
    return weakproxy_new(args[0], nargs == 2 ? args[1] : NULL);
}

static const MpMethodDef weakref_functions[] = {
    { "proxy", wr_proxy, 0 },
    { "getweakrefcount", wr_getweakrefcount, 0 }, { "getweakrefs", wr_getweakrefs, 0 },
    { NULL, NULL, 0 },
};

/* The parts CPython writes in Python. */
static const char prelude[] =
"class WeakValueDictionary:\n"
"    def __init__(self, other=()):\n"
"        self.data = {}\n"
"        for k, v in (other.items() if isinstance(other, dict) else other):\n"
"            self[k] = v\n"
"    def __setitem__(self, key, value):\n"
"        data = self.data\n"
"        def remove(wr, key=key):\n"
"            if data.get(key) is wr:\n"
"                del data[key]\n"
"        data[key] = ref(value, remove)\n"
"    def __getitem__(self, key):\n"
"        o = self.data[key]()\n"
"        if o is None:\n"
"            raise KeyError(key)\n"
"        return o\n"
"    def __delitem__(self, key):\n"
"        del self.data[key]\n"
"    def __contains__(self, key):\n"
"        wr = self.data.get(key)\n"
"        return wr is not None and wr() is not None\n"
"    def __len__(self):\n"
"        return len(self.data)\n"
"    def get(self, key, default=None):\n"
"        wr = self.data.get(key)\n"
"        if wr is None:\n"
"            return default\n"
"        o = wr()\n"
"        return default if o is None else o\n"
"    def keys(self):\n"
"        return [k for k, wr in self.data.items() if wr() is not None]\n"
"    def __iter__(self):\n"
"        return iter(self.keys())\n"
"    def values(self):\n"
"        return [o for o in (wr() for wr in self.data.values()) if o is not None]\n"
"    def items(self):\n"
"        return [(k, wr()) for k, wr in self.data.items() if wr() is not None]\n"
"    def pop(self, key, *default):\n"
"        wr = self.data.pop(key, None)\n"
"        o = wr() if wr is not None else None\n"
"        if o is None:\n"
"            if default:\n"
"                return default[0]\n"
"            raise KeyError(key)\n"
"        return o\n"
"    def __repr__(self):\n"
"        return '<WeakValueDictionary>'\n"
"\n"
"class WeakKeyDictionary:\n"
"    def __init__(self, other=()):\n"
"        self.data = {}\n"
"        for k, v in (other.items() if isinstance(other, dict) else other):\n"
"            self[k] = v\n"
"    def __setitem__(self, key, value):\n"
"        data = self.data\n"
"        i = id(key)\n"
"        if i in data:\n"
"            data[i] = (data[i][0], value)\n"
"            return\n"
"        def remove(wr, i=i):\n"
"            if i in data and data[i][0] is wr:\n"
"                del data[i]\n"
"        data[i] = (ref(key, remove), value)\n"
"    def __getitem__(self, key):\n"
"        return self.data[id(key)][1]\n"
"    def __delitem__(self, key):\n"
"        del self.data[id(key)]\n"
"    def __contains__(self, key):\n"
"        return id(key) in self.data\n"
"    def __len__(self):\n"
"        return len(self.data)\n"
"    def get(self, key, default=None):\n"
"        e = self.data.get(id(key))\n"
"        return default if e is None else e[1]\n"
"    def keys(self):\n"
"        return [wr() for wr, v in self.data.values() if wr() is not None]\n"
"    def __iter__(self):\n"
"        return iter(self.keys())\n"
"    def values(self):\n"
"        return [v for wr, v in self.data.values() if wr() is not None]\n"
"    def items(self):\n"
"        return [(wr(), v) for wr, v in self.data.values() if wr() is not None]\n"
"\n"
"class WeakSet:\n"
"    def __init__(self, data=()):\n"
"        self.data = {}\n"
"        for x in data:\n"
"            self.add(x)\n"
"    def add(self, item):\n"
"        data = self.data\n"
"        i = id(item)\n"
"        if i in data:\n"
"            return\n"
"        def remove(wr, i=i):\n"
"            if data.get(i) is wr:\n"
"                del data[i]\n"
"        data[i] = ref(item, remove)\n"
"    def discard(self, item):\n"
"        self.data.pop(id(item), None)\n"
"    def remove(self, item):\n"
"        if id(item) not in self.data:\n"
"            raise KeyError(item)\n"
"        del self.data[id(item)]\n"
"    def __contains__(self, item):\n"
"        return id(item) in self.data\n"
"    def __len__(self):\n"
"        return len(self.data)\n"
"    def __iter__(self):\n"
"        return iter([o for o in (wr() for wr in self.data.values()) if o is not None])\n"
"\n"
"class finalize:\n"
"    _registry = {}\n"
"    _counter = 0\n"
"    def __init__(self, obj, func, *args, **kwargs):\n"
"        finalize._counter += 1\n"
"        self._index = finalize._counter\n"
"        self._info = (func, args, kwargs)\n"
"        self._ref = ref(obj, self)\n"
"        finalize._registry[self] = self._index\n"
"    def __call__(self, _=None):\n"
"        if self in finalize._registry:\n"
"            del finalize._registry[self]\n"
"            func, args, kwargs = self._info\n"
"            self._info = None\n"
"            return func(*args, **kwargs)\n"
"    def detach(self):\n"
"        if self in finalize._registry:\n"
"            del finalize._registry[self]\n"
"            obj = self._ref()\n"
"            func, args, kwargs = self._info\n"
"            return (obj, func, args, kwargs)\n"
"    def peek(self):\n"
"        if self in finalize._registry:\n"
"            func, args, kwargs = self._info\n"
"            return (self._ref(), func, args, kwargs)\n"
"    @property\n"
"    def alive(self):\n"
"        return self in finalize._registry\n"
"    def _exitfunc():\n"
"        pending = sorted(finalize._registry.items(), key=lambda p: p[1], reverse=True)\n"
"        for f, i in pending:\n"
"            f()\n"
"    _exitfunc = staticmethod(_exitfunc)\n";

MpObject *mod_weakref_init(void)
{
    MpObject *m = module_new("weakref");
    if (!m)
        return NULL;
    /* compiling and running the prelude takes thousands of steps: the
     * module is a root meanwhile, not garbage */
    MpObject *outer = modules_set_loading(m);
    MpWeakref_Type.construct = weakref_construct;
    int rc = module_add_functions(m, weakref_functions);
    if (rc == 0) rc = module_add(m, "ref", mp_newref(MP_OBJ(&MpWeakref_Type)));
    if (rc == 0) rc = module_add(m, "ReferenceType", mp_newref(MP_OBJ(&MpWeakref_Type)));
    if (rc == 0) rc = module_add(m, "ProxyType", mp_newref(MP_OBJ(&MpWeakProxy_Type)));
    if (rc == 0) rc = module_add(m, "CallableProxyType", mp_newref(MP_OBJ(&MpWeakCallableProxy_Type)));
    if (rc == 0) rc = run_prelude(m, prelude);
    modules_set_loading(outer);
    if (rc < 0) {
        mp_decref(m);
        return NULL;
    }
    return m;
}
