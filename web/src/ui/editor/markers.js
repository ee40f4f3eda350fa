// The editor's run markers: the current step's line, the next line,
// breakpoints and an error.  The page owns them (the Editor's props); one
// StateEffect hands them to a StateField, which derives the line
// decorations and the marker gutter from them.  Markers are kept by line
// number, as the page keeps them, so an edit never moves them on its own:
// lines that no longer exist are simply not drawn.
//
// Classes the DOM gets (stable, for styles and tests):
//   .cm-line.cm-currentStep   the line running at the current step
//   .cm-line.cm-nextStep      the line that runs next (when not the current one)
//   .cm-line.cm-errorLine     the error's line, title = the message
//   .cm-errorMark             wavy underline from the error's column to the line end
//   .cm-markers .cm-breakpoint / .cm-stepArrow(.cm-next) / .cm-errorMarker  gutter marks
import { RangeSet, StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, gutter } from '@codemirror/view';

/**
 * @typedef {{line: number, col: number, message: string}} EditorError
 *   line is 1-based; col is 1-based like SyntaxError.offset.
 * @typedef {{current: number|null, next: number|null,
 *            breakpoints: Set<number>, error: EditorError|null}} Markers
 */

/** @type {Markers} */
export const NO_MARKERS = { current: null, next: null, breakpoints: new Set(), error: null };

/** Replaces all markers at once. */
export const setMarkers = StateEffect.define();

/** Whether two marker sets draw the same thing. */
export function sameMarkers(a, b) {
  if (a.current !== b.current || a.next !== b.next) return false;
  if (a.breakpoints.size !== b.breakpoints.size) return false;
  for (const line of a.breakpoints) if (!b.breakpoints.has(line)) return false;
  const ea = a.error, eb = b.error;
  if (!ea || !eb) return ea === eb;
  return ea.line === eb.line && ea.col === eb.col && ea.message === eb.message;
}

/** What one gutter cell shows: a breakpoint dot, a step arrow, an error mark. */
class LineMarker extends GutterMarker {
  constructor(breakpoint, step, error) {
    super();
    this.breakpoint = breakpoint;       // bool
    this.step = step;                   // 'current' | 'next' | null
    this.error = error;                 // message or null
  }

  eq(other) {
    return other.breakpoint === this.breakpoint && other.step === this.step
      && other.error === this.error;
  }

  toDOM() {
    const cell = document.createElement('span');
    cell.className = 'cm-lineMarker';
    if (this.breakpoint) add(cell, 'cm-breakpoint', '', 'breakpoint');
    if (this.error !== null) add(cell, 'cm-errorMarker', '!', this.error);
    else if (this.step) {
      add(cell, this.step === 'next' ? 'cm-stepArrow cm-next' : 'cm-stepArrow', '▶',
        this.step === 'next' ? 'runs next' : 'current step');
    }
    return cell;
  }
}

function add(parent, className, text, title) {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  span.title = title;
  parent.appendChild(span);
}

/** The line (1-based) if the document has it, else null. */
function lineAt(doc, number) {
  return Number.isInteger(number) && number >= 1 && number <= doc.lines ? doc.line(number) : null;
}

/** Line decorations, the error underline and gutter markers for `markers`. */
function draw(doc, markers) {
  const decos = [];
  const cells = new Map();              // line number -> {breakpoint, step, error}
  const cell = (n) => cells.get(n) || cells.set(n, { breakpoint: false, step: null, error: null }).get(n);
  for (const n of markers.breakpoints) if (lineAt(doc, n)) cell(n).breakpoint = true;
  const next = lineAt(doc, markers.next);
  if (next && markers.next !== markers.current) {
    decos.push(Decoration.line({ class: 'cm-nextStep' }).range(next.from));
    cell(markers.next).step = 'next';
  }
  const current = lineAt(doc, markers.current);
  if (current) {
    decos.push(Decoration.line({ class: 'cm-currentStep' }).range(current.from));
    cell(markers.current).step = 'current';
  }
  const err = markers.error;
  const errLine = err && lineAt(doc, err.line);
  if (errLine) {
    decos.push(Decoration.line({ class: 'cm-errorLine', attributes: { title: err.message } })
      .range(errLine.from));
    // Underline from the column to the line end; an error past the end
    // (say, an unexpected end of line) underlines the last character.
    const col = Math.max(1, Math.floor(err.col) || 1);
    const from = Math.min(errLine.from + col - 1, Math.max(errLine.from, errLine.to - 1));
    if (from < errLine.to) {
      decos.push(Decoration.mark({ class: 'cm-errorMark', attributes: { title: err.message } })
        .range(from, errLine.to));
    }
    cell(err.line).error = err.message;
  }
  const gutterMarks = [...cells].map(([n, c]) =>
    new LineMarker(c.breakpoint, c.step, c.error).range(doc.line(n).from));
  return {
    decorations: Decoration.set(decos, true),
    gutter: RangeSet.of(gutterMarks, true),
  };
}

/** The markers, and what they draw in the current document. */
export const markersField = StateField.define({
  create(state) {
    return { markers: NO_MARKERS, ...draw(state.doc, NO_MARKERS) };
  },
  update(value, tr) {
    let markers = value.markers;
    for (const effect of tr.effects) if (effect.is(setMarkers)) markers = effect.value;
    if (markers === value.markers && !tr.docChanged) return value;
    return { markers, ...draw(tr.state.doc, markers) };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
});

/**
 * The marker gutter; a click (mousedown) on it calls `toggle(line)`.
 * @param {(line: number) => void} toggle
 */
export function markerGutter(toggle) {
  return gutter({
    class: 'cm-markers',
    markers: (view) => view.state.field(markersField).gutter,
    lineMarkerChange: (update) =>
      update.startState.field(markersField) !== update.state.field(markersField),
    initialSpacer: () => new LineMarker(false, null, null),
    renderEmptyElements: true,          // every line's cell takes clicks
    domEventHandlers: {
      mousedown(view, block) {
        toggle(view.state.doc.lineAt(block.from).number);
        return true;
      },
    },
  });
}
