// Pretty-printed JSON with the v3 colours (keys violet, strings green, numbers red, booleans orange), as text nodes.
import type { ReactNode } from 'react';
import './tokenPanels.css';

export interface JsonViewProps {
  value: unknown;
  /** Accessible name of the block, e.g. "Header". */
  label?: string;
  className?: string;
}

const INDENT = '  ';

function renderValue(value: unknown, depth: number, key: string): ReactNode {
  if (value === null) return <span className="json-null">null</span>;
  if (typeof value === 'string') return <span className="json-string">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="json-number">{Number.isFinite(value) ? String(value) : 'null'}</span>;
  if (typeof value === 'boolean') return <span className="json-boolean">{String(value)}</span>;
  if (typeof value === 'bigint') return <span className="json-number">{value.toString()}</span>;
  if (Array.isArray(value)) return renderArray(value, depth, key);
  if (typeof value === 'object') return renderObject(value as Record<string, unknown>, depth, key);
  // undefined, functions and symbols are not JSON: show nothing meaningful rather than throwing.
  return <span className="json-null">null</span>;
}

function renderArray(items: unknown[], depth: number, key: string): ReactNode {
  if (items.length === 0) return '[]';
  const pad = INDENT.repeat(depth + 1);
  return (
    <>
      {'[\n'}
      {items.map((item, i) => (
        <span key={`${key}.${i}`}>
          {pad}
          {renderValue(item, depth + 1, `${key}.${i}`)}
          {i < items.length - 1 ? ',\n' : '\n'}
        </span>
      ))}
      {`${INDENT.repeat(depth)}]`}
    </>
  );
}

function renderObject(obj: Record<string, unknown>, depth: number, key: string): ReactNode {
  const entries = Object.entries(obj).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const pad = INDENT.repeat(depth + 1);
  return (
    <>
      {'{\n'}
      {entries.map(([k, v], i) => (
        <span key={`${key}.${k}`}>
          {pad}
          <span className="json-key">{JSON.stringify(k)}</span>
          {': '}
          {renderValue(v, depth + 1, `${key}.${k}`)}
          {i < entries.length - 1 ? ',\n' : '\n'}
        </span>
      ))}
      {`${INDENT.repeat(depth)}}`}
    </>
  );
}

/**
 * Renders any JSON-like value. Every string goes through React as text, so a hostile value such as
 * `<img src=x onerror=…>` is shown literally and never becomes markup.
 */
export function JsonView({ value, label, className }: JsonViewProps) {
  return (
    // A named group (aria-label is not allowed on a bare <pre>), focusable so keyboard users can scroll it.
    <pre className={['json-view', className].filter(Boolean).join(' ')} role={label ? 'group' : undefined} aria-label={label} tabIndex={0}>
      <code>{renderValue(value, 0, '$')}</code>
    </pre>
  );
}
