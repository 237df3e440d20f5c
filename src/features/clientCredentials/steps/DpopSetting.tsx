// Step 1's `Bind the token with DPoP` box (RFC 9449) and the DPoP key it uses: its thumbprint, and a way to delete it.
import { useEffect, useState } from 'react';
import { fieldId } from '../model/flowFormSchema';
import { dpopSession } from '../model/dpopSession';
import type { FlowController } from '../hooks/useClientCredentialsFlow';

type KeyState = { status: 'idle' } | { status: 'ready'; jkt: string } | { status: 'error'; message: string };

/** Loads (or creates) the key when the box is ticked, so its jkt is known before the first request. */
function useDpopKey(enabled: boolean): [KeyState, () => void] {
  const [state, setState] = useState<KeyState>({ status: 'idle' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    dpopSession.binding().then(
      ({ key }) => live && setState({ status: 'ready', jkt: key.jkt }),
      (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : 'The DPoP key could not be created.' }),
    );
    return () => {
      live = false;
    };
  }, [enabled, generation]);
  const renew = () => void dpopSession.forget().then(() => setGeneration((n) => n + 1));
  return [enabled ? state : { status: 'idle' }, renew];
}

export function DpopSetting({ flow }: { flow: FlowController }) {
  const [key, renew] = useDpopKey(flow.form.dpop);
  return (
    <div id={fieldId('dpop')} className="cc-field">
      <label className="cc-check">
        <input type="checkbox" checked={flow.form.dpop} onChange={(e) => flow.setField('dpop', e.target.checked)} />
        Bind the token with DPoP
      </label>
      <p className="cc-field__hint">
        RFC 9449: every request carries a proof signed by a key that never leaves this browser (ES256, non-extractable), so a stolen token is useless
        without it. The server answers with <code>token_type: DPoP</code> and binds the token with <code>cnf.jkt</code>.
      </p>
      {key.status === 'ready' && (
        <p className="cc-field__hint">
          DPoP key thumbprint (jkt): <code>{key.jkt}</code>{' '}
          <button type="button" className="btn btn--secondary btn--small" onClick={renew}>
            Delete DPoP key
          </button>
        </p>
      )}
      {key.status === 'error' && <p role="alert">{key.message}</p>}
    </div>
  );
}
