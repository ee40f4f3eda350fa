// Builds the CodeMirror 6 view behind <Editor> and the few operations the
// component needs on it.  The view is made once; later prop changes arrive
// as transactions: the document replaced, readOnly swapped through a
// Compartment, run markers through the markers StateEffect.  Callbacks are
// read through a getter each time, so the component may pass new functions
// on every render without reconfiguring anything.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/legacy-modes/mode/python';
import { StreamLanguage, bracketMatching, indentOnInput, indentUnit } from '@codemirror/language';
import { Annotation, Compartment, EditorState, Prec } from '@codemirror/state';
import {
  EditorView, drawSelection, highlightSpecialChars, keymap, lineNumbers,
} from '@codemirror/view';
import { markerGutter, markersField, sameMarkers, setMarkers } from './markers.js';
import { editorTheme } from './theme.js';

/** Python highlighting by CodeMirror's stream tokenizer for Python (a tenth
 * of the size of the Lezer grammar; the page's weight budget is tight). */
const pythonMode = StreamLanguage.define(python);

/** Marks a document replacement that came from the page, not the user. */
const fromPage = Annotation.define();

/**
 * @typedef {object} EditorCallbacks
 * @property {(code: string) => void} [onChange]
 * @property {() => void} [onRun]
 * @property {(line: number) => void} [onToggleBreakpoint]
 */

/** The extensions that make readOnly true or false. */
function readOnlyExtensions(readOnly) {
  return [
    EditorState.readOnly.of(readOnly),
    EditorView.contentAttributes.of({ 'aria-readonly': String(readOnly) }),
    readOnly ? EditorView.editorAttributes.of({ class: 'cm-readonly' }) : [],
  ];
}

/**
 * Creates the view inside `parent` (an element or a shadow root).
 * @param {{parent: Element|ShadowRoot, doc: string, readOnly: boolean,
 *          callbacks: () => EditorCallbacks}} options
 * @returns {EditorController}
 */
export function createEditor({ parent, doc, readOnly, callbacks }) {
  let controller = null;
  const readOnlyConf = new Compartment();
  const toggle = (line) => callbacks().onToggleBreakpoint?.(line);
  const run = () => {
    callbacks().onRun?.();
    return true;
  };
  const toggleAtCursor = (view) => {
    toggle(view.state.doc.lineAt(view.state.selection.main.head).number);
    return true;
  };
  const state = EditorState.create({
    doc,
    extensions: [
      Prec.highest(keymap.of([
        { key: 'Mod-Enter', run, preventDefault: true },
        { key: 'F9', run: toggleAtCursor, preventDefault: true },
      ])),
      markersField,
      markerGutter(toggle),
      lineNumbers({ domEventHandlers: { mousedown(view, block) {
        toggle(view.state.doc.lineAt(block.from).number);
        return true;
      } } }),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      EditorView.lineWrapping,
      pythonMode,
      indentUnit.of('    '),
      indentOnInput(),
      bracketMatching(),
      keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      readOnlyConf.of(readOnlyExtensions(readOnly)),
      EditorView.contentAttributes.of({ 'aria-label': 'Python code' }),
      editorTheme,
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        if (update.transactions.every((tr) => tr.annotation(fromPage))) return;
        const code = update.state.doc.toString();
        controller.noteEmitted(code);
        callbacks().onChange?.(code);
      }),
    ],
  });
  const view = new EditorView({ state, parent });
  return controller = new EditorController(view, readOnlyConf);
}

/** How many reported edits the page may be behind by (see setValue). */
const MAX_EMITTED = 100;

/** The operations <Editor> performs on its view. */
export class EditorController {
  constructor(view, readOnlyConf) {
    this.view = view;
    this.readOnlyConf = readOnlyConf;
    this.readOnly = view.state.readOnly;
    /** Documents reported through onChange that the page has not echoed yet. */
    this.emitted = [];
  }

  /** Records a document just reported through onChange. */
  noteEmitted(code) {
    this.emitted.push(code);
    if (this.emitted.length > MAX_EMITTED) this.emitted.shift();
  }

  /**
   * Replaces the document if `code` is new to it (undo brings the old text
   * back).  A value the editor itself reported is an echo, possibly a stale
   * one (the page re-renders after the user typed on), and is ignored.
   */
  setValue(code) {
    const echo = this.emitted.lastIndexOf(code);
    if (echo >= 0) {
      this.emitted.splice(0, echo + 1);
      return;
    }
    this.emitted = [];
    const doc = this.view.state.doc;
    if (doc.toString() === code) return;
    this.view.dispatch({
      changes: { from: 0, to: doc.length, insert: code },
      annotations: fromPage.of(true),
    });
  }

  /** Makes the document read-only or editable. */
  setReadOnly(readOnly) {
    if (readOnly === this.readOnly) return;
    this.readOnly = readOnly;
    this.view.dispatch({ effects: this.readOnlyConf.reconfigure(readOnlyExtensions(readOnly)) });
  }

  /**
   * Shows run markers; a new current line is scrolled into view (focus
   * stays where it is).
   * @param {import('./markers.js').Markers} markers
   */
  setMarkers(markers) {
    const old = this.view.state.field(markersField).markers;
    if (sameMarkers(old, markers)) return;
    const effects = [setMarkers.of(markers)];
    const doc = this.view.state.doc;
    const line = markers.current;
    if (line !== old.current && Number.isInteger(line) && line >= 1 && line <= doc.lines) {
      effects.push(EditorView.scrollIntoView(doc.line(line).from, { y: 'nearest', yMargin: 24 }));
    }
    this.view.dispatch({ effects });
  }

  destroy() {
    this.view.destroy();
  }
}
