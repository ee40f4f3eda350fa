/**
 * The examples gallery: one short snippet per memory-management concept of
 * the product spec, in teaching order. Each snippet prints exactly what
 * python3.11 prints when memplay runs it (tests/web/examples.test.mjs checks
 * that against the real python3), and each says what to watch in the panels.
 * No dependencies: the page's Examples menu and the tests import it as is.
 *
 * @typedef {{thresholds?: number[], gcEnabled?: boolean, heapLimit?: number,
 *   stepCap?: number, pymalloc?: boolean}} Settings
 * @typedef {{id: string, title: string, code: string, watch: string, settings?: Settings}} Example
 */

/** @type {Example[]} */
export const EXAMPLES = [
  {
    id: 'reference-cycles',
    title: 'Reference cycles and gc.collect()',
    code: `import gc, sys
gc.collect()                # start from a clean slate
class Node:
    def __init__(self, name):
        self.name = name
a = Node("a")
b = Node("b")
a.partner = b               # a -> b
b.partner = a               # b -> a: a reference cycle
print("refcount of a:", sys.getrefcount(a))  # 3: the name a, b.partner, the call
del a                       # a's count drops to 1: b.partner still holds it
del b                       # b's count drops to 1: both unreachable, neither freed
# refcounting alone can never free a cycle; the cycle collector can
print("collected:", gc.collect())
`,
    watch: 'After the two dels, both nodes stay in the Objects graph with refcount 1 and are marked as unreachable garbage: each keeps the other alive. Step into gc.collect() and follow it in the GC tab: it subtracts the references inside the cycle, finds nothing outside holding the nodes, and frees both.',
  },
  {
    id: 'refcounting',
    title: 'Reference counting',
    code: `import sys
class Thing:
    pass
t = Thing()                 # one new object, one name
print(sys.getrefcount(t))   # 2: the name t + getrefcount's own argument
u = t                       # a second name for the same object
print(sys.getrefcount(t))   # 3
box = [t, t]                # each list slot is a reference too
print(sys.getrefcount(t))   # 5
box.clear()
u = None
print(sys.getrefcount(t))   # back to 2
t = None                    # the last reference: the object is freed at once
print("done")
`,
    watch: 'Watch the refcount badge on the Thing object go up with each new name or list slot and down as they let go; click the badge to see who holds each reference. When the count reaches 0 the object disappears and its block goes back to its pool in the Memory tab.',
  },
  {
    id: 'del-statement',
    title: 'del removes names, not objects',
    code: `class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)
a = Noisy("A")
b = a                       # two names, one object
del a                       # unbinds the name a: the object lives on through b
print("after del a")
del b                       # the last name: refcount 0, freed right here
print("after del b")
items = [Noisy("B"), Noisy("C")]
del items[0]                # removing a list slot drops its reference too
print("end")                # C is freed when the program ends
`,
    watch: 'del never destroys an object by itself: it removes one reference. Watch the frame\'s locals lose a name and the refcount badge drop; the object (and its __del__ message in the console) goes only when the badge would reach 0.',
  },
  {
    id: 'static-vs-dynamic',
    title: 'Static vs dynamic allocation',
    code: `import sys
# None, True, False, the small ints -5..256 and one-character strings are
# built once, before your code runs, and live in the static region.
a = int("256")
b = int("256")
print(a is b)               # True: both names share the one static 256
c = int("257")
d = int("257")
print(c is d)               # False: each 257 is a new object, allocated now
print(sys.getsizeof(c))     # 28 bytes, in a 32-byte pymalloc block
letter = "ABC"[0]
print(letter is chr(65))    # True: one-character strings are shared too
e = None
print(e is None)            # there is only one None
`,
    watch: 'Open the Memory tab: 256, None and "A" are in the static region and never freed, while each 257 gets its own block in a pymalloc pool. In the Objects graph, a and b point at the same object, c and d at two different ones.',
  },
  {
    id: 'small-object-pools',
    title: 'Small objects: arenas, pools and blocks',
    code: `import sys
# Objects of 512 bytes or less get a block from pymalloc. Blocks come in 32
# sizes (16, 32, ..., 512 bytes); a 16 KiB pool holds blocks of one size,
# and pools are carved from 1 MiB arenas.
word = "memory"
print(sys.getsizeof(word), "bytes -> a", (sys.getsizeof(word) + 15) // 16 * 16, "byte block")
x = float("3.14")
print(sys.getsizeof(x), "bytes -> a 32 byte block")
per_pool = (16384 - 48) // 32          # a pool's 48-byte header, then blocks
print("32-byte blocks per pool:", per_pool)
floats = [i + 0.5 for i in range(600)] # more than one pool can hold
print(len(floats), "floats need at least", (len(floats) + per_pool - 1) // per_pool, "pools")
`,
    watch: 'In the Memory tab, watch the pool of 32-byte blocks fill up as the floats are made: when it is full a new pool of the same size class is opened in the arena. Hover an object to see its block, or a block to see its object.',
  },
  {
    id: 'free-lists',
    title: 'Object caching and free lists',
    code: `# Freed floats, lists, tuples and dicts are parked on free lists and the
# next object of the same type reuses their memory.
x = float("1.5")
where = id(x)
del x                       # the float goes onto the float free list
y = float("2.5")
print(id(y) == where)       # True: the new float took the same memory
a = [1, 2, 3]
where = id(a)
del a                       # the list object goes onto the list free list
b = [4, 5]
print(id(b) == where)       # True again
t = tuple([1, 2])
where = id(t)
del t                       # tuples have one free list per length
u = tuple([3, 4])
print(id(u) == where)       # True: same length, same memory
empty = ()
print(empty is tuple([]))   # True: there is only one empty tuple
`,
    watch: 'When an object is deleted, watch the Memory tab\'s free lists: the object\'s block is not given back to its pool but parked on its type\'s free list. The next object of that type is built in the very same block, at the same address.',
  },
  {
    id: 'list-overallocation',
    title: 'List over-allocation',
    code: `import sys
items = []
size = sys.getsizeof(items)
print(len(items), size)     # 56 bytes: an empty list has no item array
for i in range(25):
    items.append(i)
    if sys.getsizeof(items) != size:
        size = sys.getsizeof(items)
        # the item array grew: room for more items than needed, 8 bytes each
        print(len(items), size, "room for", (size - 56) // 8)
`,
    watch: 'Watch the list\'s item array in the Memory tab: most appends only fill a free slot, but when the array is full it is reallocated with spare room (4, 8, 16, 24, 32 slots) and moves to a bigger block. The narration names each new item array and the block it gets.',
  },
  {
    id: 'large-objects-heap',
    title: 'The heap for large objects',
    code: `import sys
# Requests over 512 bytes skip pymalloc and go to the system heap (malloc).
small = [0] * 10
print(sys.getsizeof(small)) # 136: the item array (80 bytes) is a pymalloc block
big = [0] * 1000
print(sys.getsizeof(big))   # 8056: the item array (8000 bytes) is a heap chunk
text = "x" * 600
print(sys.getsizeof(text))  # 649: the whole string lives on the heap
del big                     # its heap chunk becomes free space again
more = [1] * 500            # first fit: reuses part of the freed chunk
print(len(more), sys.getsizeof(more))
`,
    watch: 'In the Memory tab\'s heap view, watch the 8000-byte chunk appear for big and the 649-byte one for the string, next to the arenas. After del big its chunk turns free, and the next large request is carved from that free space.',
  },
  {
    id: 'stack-frames-recursion',
    title: 'Stack frames and recursion',
    code: `import sys
def countdown(n):
    # every call pushes a new frame with its own n
    if n == 0:
        print("bottom reached")
        return 0
    return 1 + countdown(n - 1)
print(countdown(4))         # the frames are popped one by one on the way back
def forever(n):
    return forever(n + 1)   # no base case
sys.setrecursionlimit(100)  # a low limit keeps the run short (the default is 1000)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
`,
    watch: 'Watch the stack on the left of the Objects tab grow by one countdown frame per call, each with its own n, and shrink as the calls return. forever() keeps pushing frames until the recursion limit (set to 100 here) stops it with RecursionError.',
  },
  {
    id: 'generations-thresholds',
    title: 'Generations and thresholds',
    code: `import gc
gc.set_threshold(100, 2, 5) # generation 0 is collected after 100 new containers
gc.collect()
log = []
def report(phase, info):    # called by the collector before and after each run
    if phase == "stop":
        log.append((info["generation"], info["collected"]))
gc.callbacks.append(report)
keep = []
for i in range(1000):
    node = [i]
    node.append(node)       # a self-cycle: garbage as soon as node moves on
    if i % 4 == 0:
        keep.append(node)   # one in four survives and is promoted
gc.callbacks.clear()
gc.set_threshold(700, 10, 10)
for generation, collected in log:
    print("generation", generation, "collected", collected)
`,
    watch: 'In the GC tab, watch generation 0\'s count bar climb with every new list until it passes its threshold of 100: a collection starts by itself, frees the dropped cycles and moves the survivors to generation 1. Every fourth collection takes generation 1 along, and the log lists each one; lists reused from the free list are not counted, so the gaps between collections vary.',
  },
  {
    id: 'cycle-leak-gc-disabled',
    title: 'A cycle leak with gc disabled',
    code: `import gc
gc.collect()
gc.disable()                # like a program that switched the collector off
class Node:
    pass
for i in range(100):
    a = Node()
    b = Node()
    a.other = b             # each pair refers to itself: a cycle
    b.other = a
del a, b                    # every pair is now unreachable garbage
print("gc enabled:", gc.isenabled())
print("collected:", gc.collect())  # an explicit collect still works
gc.enable()
`,
    watch: 'With the collector disabled, each rebinding of a and b leaves a pair of nodes behind with refcount 1: watch the live-object line of the timeline climb and the unreachable objects pile up in the Objects graph. The final gc.collect() frees all 200 at once.',
  },
  {
    id: 'growing-cache-leak',
    title: 'A growing-cache leak',
    code: `import sys
_cache = {}
def render(page):
    # memoizes every result forever: nothing is ever removed
    if page not in _cache:
        _cache[page] = "page " + str(page) + " " + "-" * 40
    return _cache[page]
for request in range(60):
    render(request)         # each result is used once, then only the cache holds it
    if request % 20 == 19:
        print(len(_cache), "entries,", sys.getsizeof(_cache), "bytes of table")
_cache.clear()              # the fix: bound the cache, or clear it
print(len(_cache), sys.getsizeof(_cache))
`,
    watch: 'No object here is garbage: the dict keeps every string reachable, so neither refcounting nor the collector can free them. Watch the timeline\'s live objects and bytes keep rising as requests come in, and the dict\'s table move to bigger blocks; clear() drops them all.',
  },
  {
    id: 'weakref-callbacks',
    title: 'Weak references and callbacks',
    code: `import sys, weakref
class Photo:
    def __init__(self, name):
        self.name = name
def gone(ref):
    print("callback: photo gone, the ref now gives", ref())
p = Photo("cat.jpg")
r = weakref.ref(p, gone)    # refers to p without keeping it alive
print(r().name)             # call the ref to reach the object
print(sys.getrefcount(p), weakref.getweakrefcount(p))  # 2 1: the weak ref is not counted
del p                       # last strong reference: freed, then the callback runs
print(r())                  # None
`,
    watch: 'The weak reference is drawn as a dashed arrow and does not add to the Photo\'s refcount badge. When del p drops the count to 0, the object is freed, the weak reference is cleared and its callback runs: the narration shows each of these steps.',
  },
  {
    id: 'weakvaluedictionary-cache',
    title: 'WeakValueDictionary caches',
    code: `import weakref
class Image:
    def __init__(self, name):
        self.name = name
cache = weakref.WeakValueDictionary()  # holds its values weakly
def load(name):
    img = cache.get(name)
    if img is None:
        print("loading", name)
        img = Image(name)
        cache[name] = img
    return img
a = load("logo")
b = load("logo")            # served from the cache: no second load
print(a is b, len(cache))
del a, b                    # nobody uses the image any more...
print(len(cache))           # ...so its entry vanished by itself
`,
    watch: 'The cache refers to the Image only through a dashed weak reference, so the image\'s refcount badge counts just a and b. When both are deleted the image is freed, and a weakref callback removes its entry from the dictionary.',
  },
  {
    id: 'weakref-finalize',
    title: 'weakref.finalize',
    code: `import weakref
class TempFile:
    def __init__(self, name):
        self.name = name
def cleanup(name):
    print("removing", name)
f = TempFile("data.tmp")
done = weakref.finalize(f, cleanup, f.name)  # pass the name, not f: f would never die
print(done.alive)
del f                       # the object dies: cleanup runs right away
print(done.alive)
g = TempFile("other.tmp")
weakref.finalize(g, cleanup, g.name)
print("end of program")     # g is still alive: its cleanup runs at exit
`,
    watch: 'finalize attaches a cleanup call to an object through a weak reference, drawn dashed in the Objects graph. Watch del f free the object and the callback step run cleanup at once; for g it runs during shutdown, after the last line.',
  },
  {
    id: 'context-managers',
    title: 'Context managers',
    code: `class Buffer:
    def __enter__(self):
        self.data = [0] * 1000   # a big item array from the heap
        print("acquired", len(self.data))
        return self
    def __exit__(self, exc_type, exc, tb):
        self.data = None         # released here, error or not
        print("released after", exc_type.__name__ if exc_type else "no error")
        return False             # do not swallow the exception
with Buffer() as buf:
    print("working")
try:
    with Buffer() as buf:
        raise ValueError("oops")
except ValueError as e:
    print("caught", e)
`,
    watch: 'Watch the 8000-byte heap chunk of the buffer appear in the Memory tab when the with block starts and go away as soon as it ends, even when the block raises: __exit__ always runs, before the except clause does.',
  },
  {
    id: 'del-resurrection',
    title: '__del__ and resurrection',
    code: `import gc
saved = []
class Phoenix:
    def __del__(self):
        print("__del__ runs: saving myself")
        saved.append(self)  # a new reference: the object comes back to life
p = Phoenix()
del p                       # refcount 0: __del__ runs, but the object survives
print(len(saved), gc.is_finalized(saved[0]))
saved.clear()               # dies again; __del__ never runs twice
print("end")
`,
    watch: 'When the refcount badge reaches 0, __del__ runs and stores self in a list: the count goes back up and the object is not freed. The second time its count reaches 0 it is freed quietly, because an object is finalized only once.',
  },
];

/** The example shown on a first visit. */
export const DEFAULT_EXAMPLE = EXAMPLES[0];
