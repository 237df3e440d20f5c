// The CodeMirror 6 editor behind step 4's request body: plain text, no line wrapping, undo and the standard keys.
//
// Why CodeMirror and not a <textarea>: Chromium lays out the whole paragraph of a textarea on every key, about 0.5 s a
// key for a 1 MB one-line body (issue 19, bench/bodyTyping.bench.ts). CodeMirror keeps the document in its own state
// and puts only the visible part in the DOM — with wrapping off, only the visible part of a long line as well — so a
// keystroke costs the same at 1 KB and at 1 MB. Measured in Chromium on this project's 1 MB body: no task over 50 ms
// while typing at the start, middle or end of the line without wrapping; with `EditorView.lineWrapping` some keys
// took 53–57 ms, hence no wrapping (the editor scrolls sideways).
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, keymap } from '@codemirror/view';

/** How the editor is named and described to assistive technology (it is a `role="textbox"`, not a labelable element). */
export interface BodyEditorAria {
  /** The id of the visible label: `<label for>` cannot name a contenteditable, `aria-labelledby` can. */
  labelledBy: string;
  /** The id of the field error, when there is one (`FieldError`). */
  describedBy?: string | undefined;
  invalid: boolean;
}

/** The attributes CodeMirror puts on its editable element (`.cm-content`), besides its own role and aria-multiline. */
export function contentAttributes({ labelledBy, describedBy, invalid }: BodyEditorAria): Record<string, string> {
  const attrs: Record<string, string> = {
    'aria-labelledby': labelledBy,
    // JSON is not prose: no red squiggles, no autocorrected quotes.
    spellcheck: 'false',
    autocorrect: 'off',
    autocapitalize: 'off',
  };
  if (describedBy) attrs['aria-describedby'] = describedBy;
  if (invalid) attrs['aria-invalid'] = 'true';
  return attrs;
}

export interface BodyEditor {
  view: EditorView;
  /** Replaces the accessible attributes (a new field error) without touching the text or the undo history. */
  setAria(aria: BodyEditorAria): void;
}

/**
 * Mounts an editor holding `doc` in `parent`. Tab is left to the browser (defaultKeymap does not bind it), so a
 * keyboard user can leave the field; Mod-z undoes, Mod-y (Cmd-Shift-z on macOS, also Ctrl-Shift-z on Linux) redoes;
 * Mod-a selects the whole document, and copy takes the selection from the editor's state, not from the partly
 * rendered DOM.
 * @see https://codemirror.net/docs/ref/#commands.defaultKeymap
 * @see https://codemirror.net/docs/ref/#view.EditorView^contentAttributes
 */
export function createBodyEditor(parent: HTMLElement, doc: string, aria: BodyEditorAria): BodyEditor {
  const attributes = new Compartment();
  const extensions: Extension[] = [
    history(),
    drawSelection(),
    keymap.of([...defaultKeymap, ...historyKeymap]),
    attributes.of(EditorView.contentAttributes.of(contentAttributes(aria))),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc, extensions }) });
  return {
    view,
    setAria: (next) => view.dispatch({ effects: attributes.reconfigure(EditorView.contentAttributes.of(contentAttributes(next))) }),
  };
}
