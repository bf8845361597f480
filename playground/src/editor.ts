// The playground's editor: CodeMirror 6 with the Lua mode of
// @codemirror/legacy-modes, and a mark on the line an error points at.
import { basicSetup } from 'codemirror';
import { EditorView, Decoration, keymap, type DecorationSet } from '@codemirror/view';
import { EditorState, StateEffect, StateField, Prec } from '@codemirror/state';
import { StreamLanguage } from '@codemirror/language';
import { lua } from '@codemirror/legacy-modes/mode/lua';

/** Sets (a line number, 1-based) or clears (null) the error line. */
const setErrorLine = StateEffect.define<number | null>();

const errorLineMark = Decoration.line({ class: 'cm-lua-error-line' });

/** The error line's decoration; cleared by the effect with null or by any edit. */
const errorLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    if (tr.docChanged) marks = Decoration.none;
    for (const effect of tr.effects) {
      if (!effect.is(setErrorLine)) continue;
      const n = effect.value;
      marks = n === null || n < 1 || n > tr.state.doc.lines ? Decoration.none : Decoration.set([errorLineMark.range(tr.state.doc.line(n).from)]);
    }
    return marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** An editor in `parent` holding `doc`; Ctrl-Enter (Cmd-Enter) calls `onRun`. */
export function createEditor(parent: HTMLElement, doc: string, onRun: () => void): EditorView {
  const runKey = Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (onRun(), true) }]));
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [basicSetup, StreamLanguage.define(lua), errorLineField, runKey, EditorView.lineWrapping],
    }),
  });
}

/** The editor's program. */
export function getCode(view: EditorView): string {
  return view.state.doc.toString();
}

/** Replaces the editor's program. */
export function setCode(view: EditorView, code: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
}

/** Marks line `line` (1-based) as the error's, scrolled into view; null clears the mark. */
export function markErrorLine(view: EditorView, line: number | null): void {
  const effects: StateEffect<unknown>[] = [setErrorLine.of(line)];
  if (line !== null && line >= 1 && line <= view.state.doc.lines) effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: 'center' }));
  view.dispatch({ effects });
}
