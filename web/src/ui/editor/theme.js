// How the editor looks.  Every colour is a CSS custom property (defaults in
// editor.css), so the page's light and dark themes restyle it without a
// reconfiguration.  These rules reach the page through CodeMirror's style
// modules, which the Editor mounts inside a shadow root: there they become
// a constructed (adopted) stylesheet, which the page's CSP allows, where a
// <style> element would be refused by `style-src 'self'`.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

const mono = 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace';

/** Editor chrome: background, gutters, cursor, selection and run markers. */
const chrome = EditorView.theme({
  '&': {
    height: '100%', color: 'var(--code-fg)', backgroundColor: 'var(--code-bg)',
    fontSize: '14px', borderRadius: 'inherit',
  },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: mono, lineHeight: '1.55', overflow: 'auto' },
  '.cm-content': { padding: '6px 0', caretColor: 'var(--code-fg)' },
  '.cm-line': { padding: '0 10px 0 6px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--code-fg)', borderLeftWidth: '2px' },
  '.cm-selectionBackground': { backgroundColor: 'var(--selection)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground':
    { backgroundColor: 'var(--selection)' },
  '.cm-gutters': {
    backgroundColor: 'var(--code-bg)', color: 'var(--muted)', border: 'none',
    borderRight: '1px solid var(--gutter-line)', cursor: 'default',
  },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 6px 0 2px', minWidth: '2.5ch' },
  '.cm-lineNumbers .cm-gutterElement, .cm-markers .cm-gutterElement': { cursor: 'pointer' },
  '.cm-markers .cm-gutterElement': { width: '2em' },
  '.cm-lineMarker': { display: 'block', position: 'relative', height: '100%' },
  '.cm-breakpoint': {
    position: 'absolute', left: '0.3em', top: '50%', width: '0.62em', height: '0.62em',
    transform: 'translateY(-50%)', borderRadius: '50%', backgroundColor: 'var(--breakpoint)',
  },
  '.cm-stepArrow, .cm-errorMarker': {
    position: 'absolute', right: '0.1em', top: '0', fontSize: '0.8em',
  },
  '.cm-stepArrow': { color: 'var(--accent)' },
  '.cm-stepArrow.cm-next': { opacity: '0.45' },
  '.cm-errorMarker': { color: 'var(--error)', fontWeight: '700' },
  '.cm-currentStep': { backgroundColor: 'var(--current-line)' },
  '.cm-nextStep': { backgroundColor: 'var(--next-line)' },
  '.cm-errorLine': { backgroundColor: 'var(--error-line)' },
  '.cm-errorMark': {
    textDecoration: 'underline wavy var(--error)', textDecorationSkipInk: 'none',
    textUnderlineOffset: '3px',
  },
  '.cm-matchingBracket': { backgroundColor: 'var(--bracket)', outline: 'none' },
  '.cm-nonmatchingBracket': { color: 'var(--error)', backgroundColor: 'transparent' },
});

/** Python token colours. */
const tokens = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword,
    t.bool, t.null, t.self], color: 'var(--tok-keyword)' },
  { tag: [t.string, t.special(t.string), t.escape], color: 'var(--tok-string)' },
  { tag: t.number, color: 'var(--tok-number)' },
  { tag: t.comment, color: 'var(--tok-comment)', fontStyle: 'italic' },
  { tag: t.standard(t.variableName), color: 'var(--tok-builtin)' },
  { tag: [t.function(t.definition(t.variableName)), t.definition(t.className), t.definition(t.variableName)],
    color: 'var(--tok-def)' },
  { tag: [t.modifier, t.meta], color: 'var(--tok-keyword)' },
]);

/** The editor's look: chrome and token colours. */
export const editorTheme = [chrome, syntaxHighlighting(tokens)];
