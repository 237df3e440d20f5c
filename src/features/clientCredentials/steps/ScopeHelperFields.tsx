// A hosted row's scope helper in step 1: a few inputs that build a scope the way the provider spells it (Entra's
// `{resource}/.default`, Cognito's `{resourceServer}/{scope}`), added to `Scopes` with one click.
import { useState } from 'react';
import { FormField } from '../../../components/FormField';
import type { ScopeHelper } from '../../../config/providers/types';

export interface ScopeHelperFieldsProps {
  helper: ScopeHelper;
  /** The scopes already chosen (a built scope is added once). */
  scopes: readonly string[];
  onAdd(scope: string): void;
}

/** The helper's inputs (local to this box: they only build a value), the scope they give, and `Add scope`. */
export function ScopeHelperFields({ helper, scopes, onAdd }: ScopeHelperFieldsProps) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const built = helper.build(values);
  const added = built !== undefined && scopes.includes(built);
  return (
    <fieldset className="cc-fieldset">
      <legend>{helper.label}</legend>
      {helper.inputs.map((input) => (
        <FormField
          key={input.key}
          id={`cc-scopeHelper-${input.key}`}
          label={input.label}
          hint={input.help}
          error={touched.has(input.key) ? input.validate(values[input.key] ?? '') : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input input--mono"
              spellCheck={false}
              placeholder={input.placeholder}
              value={values[input.key] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [input.key]: e.target.value }))}
              onBlur={() => setTouched((t) => new Set(t).add(input.key))}
            />
          )}
        </FormField>
      ))}
      <div className="cc-actions-row">
        <button type="button" className="btn btn--secondary" disabled={built === undefined || added} onClick={() => built !== undefined && onAdd(built)}>
          Add scope
        </button>
        <span className="cc-muted" aria-live="polite">
          {built === undefined ? 'Fill the fields above to build the scope.' : <>Scope: <code>{built}</code>{added && ' (already in Scopes)'}</>}{' '}
          <a href={helper.source} target="_blank" rel="noreferrer noopener">
            source
          </a>
        </span>
      </div>
    </fieldset>
  );
}
