// A titled, copyable block of code (cURL, fetch, JWKS): monospace, scrollable, with a CopyButton.
import { useId } from 'react';
import { CopyButton, type ClipboardLike } from './CopyButton';
import './formControls.css';

export interface CodeBlockProps {
  title: string;
  code: string;
  /** Accessible name of the copy button, e.g. "Copy cURL". Default: `Copy ${title}`. */
  copyLabel?: string;
  language?: string;
  clipboard?: ClipboardLike;
}

/** A figure whose caption names the code, so screen readers announce what the block is. */
export function CodeBlock({ title, code, copyLabel, language, clipboard }: CodeBlockProps) {
  const captionId = useId();
  return (
    <figure className="code-figure" aria-labelledby={captionId}>
      <figcaption className="code-figure__header">
        <span id={captionId} className="code-figure__title">
          {title}
        </span>
        <CopyButton text={code} label={copyLabel ?? `Copy ${title}`} clipboard={clipboard} />
      </figcaption>
      <pre className="code-figure__body" tabIndex={0} aria-labelledby={captionId}>
        <code data-language={language}>{code}</code>
      </pre>
    </figure>
  );
}
