// A copy-to-clipboard button that says "Copied!" for two seconds, keeping its accessible name stable.
import { useEffect, useRef, useState } from 'react';
import './formControls.css';
import { IconCheck } from './icons/statusIcons';

/** The clipboard surface the button needs; injectable so tests and odd browsers can supply their own. */
export interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

export interface CopyButtonProps {
  /** The text to copy, or a function computing it at click time (so secrets are read only when asked). */
  text: string | (() => string | Promise<string>);
  /** Visible label and accessible name, e.g. "Copy public JWKS". */
  label: string;
  clipboard?: ClipboardLike;
  className?: string;
  disabled?: boolean;
  onCopied?: () => void;
}

export const COPIED_FEEDBACK_MS = 2000;

function defaultClipboard(): ClipboardLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.clipboard;
}

/** Copies on click; the feedback sits in a polite live region next to the button so it is announced. */
export function CopyButton({ text, label, clipboard, className, disabled, onCopied }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function handleClick() {
    clearTimeout(timer.current);
    try {
      const value = typeof text === 'function' ? await text() : text;
      const target = clipboard ?? defaultClipboard();
      if (!target) throw new Error('clipboard unavailable');
      await target.writeText(value);
      setState('copied');
      onCopied?.();
    } catch {
      // No message detail on purpose: clipboard errors can echo what was being copied.
      setState('failed');
    }
    timer.current = setTimeout(() => setState('idle'), COPIED_FEEDBACK_MS);
  }

  return (
    <span className={['copy-button', className].filter(Boolean).join(' ')}>
      <button type="button" className="btn btn--secondary btn--small" onClick={handleClick} disabled={disabled}>
        {state === 'copied' && <><IconCheck />{' '}</>}
        {label}
      </button>
      <span role="status" className="copy-button-feedback">
        {state === 'copied' ? 'Copied!' : state === 'failed' ? 'Copy failed: select the text and copy it by hand.' : ''}
      </span>
    </span>
  );
}
