// A URL shown the Authz Flows v3 way: base, `?&=` separators, parameter names and values in distinct colours.
import './ColorCodedURL.css';

export type UrlPartKind = 'base' | 'separator' | 'name' | 'value' | 'placeholder';

export interface UrlPart {
  kind: UrlPartKind;
  text: string;
}

const PLACEHOLDER = /(<[^<>\s]+>)/;

/** Splits `text` so template placeholders such as `<environment-id>` become their own parts. */
function withPlaceholders(text: string, kind: UrlPartKind): UrlPart[] {
  if (text === '') return [];
  return text
    .split(PLACEHOLDER)
    .filter((piece) => piece !== '')
    .map((piece) => ({ kind: PLACEHOLDER.test(piece) ? 'placeholder' : kind, text: piece }));
}

/**
 * Tokenises a URL (or a URL template) for colouring. It does not parse with `URL` on purpose: templates with
 * `<placeholders>` and half-typed input must still render exactly as written.
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-3
 */
export function tokenizeUrl(url: string): UrlPart[] {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return withPlaceholders(url, 'base');
  const parts = withPlaceholders(url.slice(0, queryStart), 'base');
  parts.push({ kind: 'separator', text: '?' });
  url
    .slice(queryStart + 1)
    .split('&')
    .forEach((pair, index) => {
      if (index > 0) parts.push({ kind: 'separator', text: '&' });
      const eq = pair.indexOf('=');
      if (eq === -1) {
        parts.push(...withPlaceholders(pair, 'name'));
        return;
      }
      parts.push(...withPlaceholders(pair.slice(0, eq), 'name'));
      parts.push({ kind: 'separator', text: '=' });
      parts.push(...withPlaceholders(pair.slice(eq + 1), 'value'));
    });
  return parts;
}

export interface ColorCodedURLProps {
  url: string;
  className?: string;
}

/** Renders a URL in monospace with v3 colours; placeholders are bold red so missing values stand out. */
export function ColorCodedURL({ url, className }: ColorCodedURLProps) {
  return (
    <code className={['color-coded-url', className].filter(Boolean).join(' ')}>
      {tokenizeUrl(url).map((part, index) => (
        <span key={index} className={`ccu-${part.kind}`} data-kind={part.kind}>
          {part.text}
        </span>
      ))}
    </code>
  );
}
