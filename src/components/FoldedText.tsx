// Long server text folded to its start, with a control to show all of it; always rendered as React text.
import { useState } from 'react';

export interface FoldedTextProps {
  text: string;
  /** Characters shown while folded; default 400. */
  limit?: number;
}

/** Shows `text` in full when short; otherwise its first `limit` characters and a "Show all" button. */
export function FoldedText({ text, limit = 400 }: FoldedTextProps) {
  const [open, setOpen] = useState(false);
  if (text.length <= limit) return <>{text}</>;
  return (
    <>
      {open ? text : `${text.slice(0, limit)}…`}{' '}
      <button type="button" className="btn btn--link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Show less' : `Show all (${text.length.toLocaleString('en-US')} characters)`}
      </button>
    </>
  );
}
