// React glue for the request body's CodeMirror editor: mounted once, read on demand, never re-rendered per key.
// A chunk of its own (CustomApiCall loads it with React.lazy when POST is chosen): CodeMirror is most of its weight.
import { useEffect, useEffectEvent, useImperativeHandle, useRef, type Ref } from 'react';
import { createBodyEditor, type BodyEditor } from './bodyEditorSetup';
import './bodyEditor.css';

/** What the form needs from the editor: the text when it sends or hides it, and focus for the label. */
export interface BodyEditorHandle {
  text(): string;
  focus(): void;
}

export interface JsonBodyEditorProps {
  /** The text the editor opens with; read at mount only (the editor owns the text from then on). */
  initial: string;
  /** Holds the handle while the editor is mounted, null when it unmounts. */
  ref: Ref<BodyEditorHandle>;
  labelledBy: string;
  describedBy?: string | undefined;
  invalid: boolean;
}

/**
 * The editor, uncontrolled like the textarea it replaces: typing changes CodeMirror's state only, React sees
 * nothing until the form asks `handle.current.text()`.
 */
export default function JsonBodyEditor({ initial, ref, labelledBy, describedBy, invalid }: JsonBodyEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<BodyEditor | null>(null);
  // The attributes as they are at mount; later changes go through setAria below, not through a new editor (which
  // would drop the undo history).
  const currentAria = useEffectEvent(() => ({ labelledBy, describedBy, invalid }));

  useEffect(() => {
    if (!host.current) return;
    const created = createBodyEditor(host.current, initial, currentAria());
    editor.current = created;
    return () => {
      editor.current = null;
      created.view.destroy();
    };
  }, [initial]);

  useImperativeHandle(ref, () => ({
    text: () => editor.current?.view.state.doc.toString() ?? initial,
    focus: () => editor.current?.view.focus(),
  }), [initial]);

  useEffect(() => {
    editor.current?.setAria({ labelledBy, describedBy, invalid });
  }, [labelledBy, describedBy, invalid]);

  return <div ref={host} className="body-editor" />;
}
