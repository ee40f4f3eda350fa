// Colours the names of Python's builtins (print, len, id, ValueError, ...)
// with --tok-builtin.  The Lezer Python grammar tags every name alike, so
// this plugin marks the variable-name nodes whose text is a builtin's name.
// The list is CPython 3.11's, from
//   python3.11 -c "import builtins; print(*[n for n in dir(builtins) if n[0] != '_'])"
// less True, False and None, which the grammar already tags as constants.
import { syntaxTree } from '@codemirror/language';
import { Decoration, ViewPlugin } from '@codemirror/view';

/** CPython 3.11's public builtin names. */
const BUILTINS = new Set(`
  ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError
  BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError
  ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError
  Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup FileExistsError
  FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError
  ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError
  KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError NotADirectoryError
  NotImplemented NotImplementedError OSError OverflowError PendingDeprecationWarning
  PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError
  RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError
  SystemExit TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError
  UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError
  Warning ZeroDivisionError abs aiter all anext any ascii bin bool breakpoint bytearray bytes
  callable chr classmethod compile complex copyright credits delattr dict dir divmod enumerate
  eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input
  int isinstance issubclass iter len license list locals map max memoryview min next object oct
  open ord pow print property quit range repr reversed round set setattr slice sorted
  staticmethod str sum super tuple type vars zip
`.trim().split(/\s+/));

const builtinMark = Decoration.mark({ class: 'cm-builtin' });

/** Marks builtin names in the visible part of the document. */
function builtinMarks(view) {
  const marks = [];
  for (const { from, to } of view.visibleRanges) {
    syntaxTree(view.state).iterate({
      from, to,
      enter(node) {
        if (node.name !== 'VariableName') return;
        if (BUILTINS.has(view.state.doc.sliceString(node.from, node.to))) {
          marks.push(builtinMark.range(node.from, node.to));
        }
      },
    });
  }
  return Decoration.set(marks);
}

/** The extension: builtin names get the class `cm-builtin`. */
export const highlightBuiltins = ViewPlugin.fromClass(class {
  constructor(view) { this.decorations = builtinMarks(view); }
  update(update) {
    if (update.docChanged || update.viewportChanged
        || syntaxTree(update.startState) !== syntaxTree(update.state)) {
      this.decorations = builtinMarks(update.view);
    }
  }
}, { decorations: (plugin) => plugin.decorations });
