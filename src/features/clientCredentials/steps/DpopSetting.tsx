// Step 1's `Bind the token with DPoP` box (RFC 9449) and the DPoP key it uses: its thumbprint, and a way to delete it.
import { fieldId } from '../model/flowFormSchema';
import type { ConfigureView } from './configureView';

export function DpopSetting({ flow }: { flow: Pick<ConfigureView, 'form' | 'dpopKey' | 'setDpop' | 'renewDpopKey'> }) {
  const key = flow.form.dpop ? flow.dpopKey : undefined;
  return (
    <div id={fieldId('dpop')} className="cc-field">
      <label className="cc-check">
        <input type="checkbox" checked={flow.form.dpop} onChange={(e) => flow.setDpop(e.target.checked)} />
        Bind the token with DPoP
      </label>
      <p className="cc-field__hint">
        RFC 9449: every request carries a proof signed by a key that never leaves this browser (ES256, non-extractable), so a stolen token is useless
        without it. The server answers with <code>token_type: DPoP</code> and binds the token with <code>cnf.jkt</code>.
      </p>
      {key?.status === 'ready' && (
        <p className="cc-field__hint">
          DPoP key thumbprint (jkt): <code>{key.jkt}</code>{' '}
          <button type="button" className="btn btn--secondary btn--small" onClick={() => void flow.renewDpopKey()}>
            Delete DPoP key
          </button>
        </p>
      )}
      {key?.status === 'error' && <p role="alert">{key.message}</p>}
    </div>
  );
}
