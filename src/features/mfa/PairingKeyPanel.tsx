// The "Create pairing key" action and its result (for pairing a mobile app with the user).
import type { PingOnePairingKey } from '../../services/pingone/types';
import { Spinner } from '../../components/Spinner';
import { RevealableValue } from './RevealableValue';
import { useLastResult } from './useLastResult';
import { IconLink } from '../../components/icons/objectIcons';

export interface PairingKeyPanelProps {
  /** Creates the key; rejects with the call's error (the console shows it). */
  onCreate: () => Promise<PingOnePairingKey>;
  disabled?: boolean;
}

/** A pairing key is what a user types (or scans) in the mobile app to pair it; it expires soon after creation. */
export function PairingKeyPanel({ onCreate, disabled = false }: PairingKeyPanelProps) {
  const { value: key, busy, run } = useLastResult<PingOnePairingKey>();

  return (
    <section className="mfa-panel" aria-label="Pairing key">
      <h3 className="api-heading"><IconLink /> Pairing key</h3>
      <p className="api-muted">Mobile (MOBILE) devices are paired with a short-lived key the user enters in the app.</p>
      <button type="button" className="btn btn--secondary" onClick={() => run(onCreate)} disabled={busy || disabled}>
        {busy && <Spinner />}
        Create pairing key
      </button>
      {key && (
        <div className="mfa-pairing-result" role="status">
          <dl className="mfa-facts">
            <dt>ID</dt>
            <dd>
              <code>{key.id}</code>
            </dd>
            {key.status && (
              <>
                <dt>Status</dt>
                <dd>{key.status}</dd>
              </>
            )}
            {key.expiresAt && (
              <>
                <dt>Expires</dt>
                <dd>{key.expiresAt}</dd>
              </>
            )}
          </dl>
          {key.token && <RevealableValue label="pairing key" value={key.token} />}
        </div>
      )}
    </section>
  );
}
