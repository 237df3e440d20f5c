// Scopes as removable chips: type a scope and press Enter, space or comma; every chip can be removed by keyboard.
import { useRef, useState, type ChangeEvent, type ClipboardEvent, type KeyboardEvent } from 'react';
import './formControls.css';

export interface ScopeChipsProps {
  /** id of the text input; the caller renders `<label htmlFor={id}>Scopes</label>`. */
  id: string;
  value: readonly string[];
  onChange: (scopes: string[]) => void;
  onBlur?: () => void;
  invalid?: boolean;
  describedBy?: string | undefined;
  placeholder?: string;
}

/** Splits typed or pasted text on the separators RFC 6749 §3.3 implies (space) plus the comma people type. */
function splitDraft(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '');
}

/** Adds scopes not already present, keeping the order the user typed them. */
function addScopes(current: readonly string[], added: readonly string[]): string[] {
  const out = [...current];
  for (const scope of added) if (!out.includes(scope)) out.push(scope);
  return out;
}

function ChipList({ scopes, onRemove }: { scopes: readonly string[]; onRemove: (scope: string) => void }) {
  if (scopes.length === 0) return null;
  return (
    <ul className="scope-chip-list" aria-label="Selected scopes">
      {scopes.map((scope) => (
        <li key={scope} className="scope-chip">
          <span className="scope-chip-text">{scope}</span>
          <button type="button" className="scope-chip-remove" aria-label={`Remove scope ${scope}`} onClick={() => onRemove(scope)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The draft being typed and the input's handlers: separators, paste and blur commit it; Backspace pops a chip. */
function useScopeDraft(value: readonly string[], onChange: (scopes: string[]) => void, onBlur: (() => void) | undefined) {
  const [draft, setDraft] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  function commit(text: string) {
    const added = splitDraft(text);
    if (added.length > 0) onChange(addScopes(value, added));
    setDraft('');
  }

  function remove(scope: string) {
    onChange(value.filter((s) => s !== scope));
    // Keep focus in the widget: the removed chip's button is gone, the input is the next sensible stop.
    inputRef.current?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ' ' || event.key === ',') {
      event.preventDefault();
      commit(draft);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      event.preventDefault();
      onChange(value.slice(0, -1));
    }
  }

  function handlePaste(event: ClipboardEvent<HTMLInputElement>) {
    const text = event.clipboardData.getData('text');
    if (/[\s,]/.test(text)) {
      event.preventDefault();
      commit(draft + text);
    }
  }

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    // Typing a separator commits; this also catches mobile keyboards that never fire keydown for space.
    const next = event.target.value;
    if (/[\s,]$/.test(next)) commit(next);
    else setDraft(next);
  }

  function handleBlur() {
    if (draft.trim() !== '') commit(draft);
    onBlur?.();
  }

  return { draft, inputRef, remove, handleKeyDown, handlePaste, handleChange, handleBlur };
}

/**
 * A chip editor for the `scope` parameter. Scope order does not matter to the server, duplicates are dropped.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function ScopeChips({ id, value, onChange, onBlur, invalid, describedBy, placeholder }: ScopeChipsProps) {
  const { draft, inputRef, remove, handleKeyDown, handlePaste, handleChange, handleBlur } = useScopeDraft(value, onChange, onBlur);
  return (
    <div className={`scope-chips${invalid ? ' is-invalid' : ''}`}>
      <ChipList scopes={value} onRemove={remove} />
      <input
        ref={inputRef}
        id={id}
        className="input scope-chips-input"
        value={draft}
        placeholder={placeholder ?? 'Type a scope and press Enter'}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={handleChange}
        onKeyDown={handleKeyDown}
        onPaste={handlePaste}
        onBlur={handleBlur}
      />
    </div>
  );
}
