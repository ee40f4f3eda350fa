// <Editor>: the page's Python editor, CodeMirror 6 in a Preact component.
//
// The view lives in an open shadow root of the wrapper element.  That is
// what lets CodeMirror's styles in under the page's CSP: inside a shadow
// root CodeMirror adopts a constructed stylesheet, while on the document
// it would add a <style> element, which `style-src 'self'` refuses.
// Consequences for the page: its stylesheet does not reach inside (the
// look comes from CSS custom properties, which do; see editor.css), and
// `document.querySelector('.cm-content')` finds nothing; use
// `el.shadowRoot` or Playwright locators, which pierce open shadow roots.
//
// Keys: Ctrl/Cmd+Enter runs, F9 toggles a breakpoint on the cursor line,
// Tab indents (Escape then Tab leaves the editor), Ctrl/Cmd+Z undoes.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { createEditor } from './cm.js';

/**
 * @typedef {object} EditorProps
 * @property {string} value  The code.  A value that differs from the
 *   document (an example loaded) replaces it; echoing onChange back is free.
 * @property {(code: string) => void} [onChange]  Called on every user edit.
 * @property {() => void} [onRun]  Ctrl+Enter / Cmd+Enter.
 * @property {boolean} [readOnly]
 * @property {number|null} [currentLine]  The line running at the current
 *   step (1-based): highlighted, "▶" in the gutter, scrolled into view.
 * @property {number|null} [nextLine]  The line that runs next: a fainter mark.
 * @property {Set<number>} [breakpoints]  Lines with a breakpoint: a red dot.
 * @property {(line: number) => void} [onToggleBreakpoint]  A click on the
 *   marker gutter or a line number, or F9 on the cursor's line.
 * @property {{line: number, col: number, message: string}|null} [error]
 *   Wavy underline from line:col (both 1-based, col as SyntaxError.offset)
 *   to the end of the line, a "!" in the gutter, the message as the title.
 */

const NONE = new Set();

/**
 * The editor.  The wrapper has data-testid="editor" and class "mp-editor";
 * the element to type into is its `.cm-content`.
 * @param {EditorProps} props
 */
export function Editor(props) {
  const host = useRef(null);
  const editor = useRef(null);
  const latest = useRef(props);
  latest.current = props;

  useLayoutEffect(() => {
    const root = host.current.shadowRoot || host.current.attachShadow({ mode: 'open' });
    editor.current = createEditor({
      parent: root,
      doc: props.value ?? '',
      readOnly: !!props.readOnly,
      callbacks: () => latest.current,
    });
    return () => {
      editor.current.destroy();
      editor.current = null;
    };
  }, []);

  useEffect(() => editor.current.setValue(props.value ?? ''), [props.value]);
  useEffect(() => editor.current.setReadOnly(!!props.readOnly), [props.readOnly]);
  useEffect(() => editor.current.setMarkers({
    current: props.currentLine ?? null,
    next: props.nextLine ?? null,
    breakpoints: props.breakpoints instanceof Set ? props.breakpoints : new Set(props.breakpoints ?? NONE),
    error: props.error ?? null,
  }), [props.currentLine, props.nextLine, props.breakpoints, props.error]);

  return <div class="mp-editor" data-testid="editor" ref={host} />;
}
