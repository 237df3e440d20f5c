// The `Send through the local relay` checkbox (step 1 and the CORS error card) and what the relay's /health said.
import { useEffect, useId, useState } from 'react';
import { checkRelayHealth, type RelayHealth } from '../services/relayAdmin';
import { originOf } from '../utils/urlValidation';
import './relay.css';

export const RELAY_LABEL = 'Send through the local relay';

export interface RelayToggleProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The relay's URL (the `relay.url` setting). */
  relayUrl: string;
  disabled?: boolean;
}

type HealthState = { state: 'idle' } | { state: 'checking' } | { state: 'done'; health: RelayHealth };

/** Asks the relay's /health each time the box is ticked, so a relay that is not running is said at once. */
function useRelayHealth(relayUrl: string, enabled: boolean): HealthState {
  // The answer is kept with the check it belongs to: a new check reads as "checking" until it settles.
  const [answer, setAnswer] = useState<{ check: object; health: RelayHealth } | undefined>();
  const [check, setCheck] = useState<object | undefined>();
  useEffect(() => {
    if (!enabled) return undefined;
    const controller = new AbortController();
    const thisCheck = {};
    void checkRelayHealth(relayUrl, controller.signal).then((health) => {
      if (controller.signal.aborted) return;
      setCheck(thisCheck);
      setAnswer({ check: thisCheck, health });
    });
    return () => controller.abort();
  }, [relayUrl, enabled]);
  if (!enabled) return { state: 'idle' };
  return answer && answer.check === check ? { state: 'done', health: answer.health } : { state: 'checking' };
}

function HealthLine({ health, relayUrl }: { health: HealthState; relayUrl: string }) {
  const origin = originOf(relayUrl);
  if (health.state === 'idle') return null;
  if (health.state === 'checking') return <span className="relay-health">Checking the relay at {origin}…</span>;
  if (health.health.running) {
    return <span className="relay-health relay-health-ok">Relay running at {origin} (version {health.health.version}).</span>;
  }
  return (
    <span className="relay-health relay-health-down">
      The local relay is not running at {origin}. Start it with <code>npm run relay</code> (or <code>npm start</code>).
    </span>
  );
}

/**
 * Routes the token request and the step-4 calls through the relay (relay/README.md): Node sends them, so CORS
 * does not apply and a client certificate can be attached (RFC 8705). The request itself is unchanged.
 */
export function RelayToggle({ checked, onChange, relayUrl, disabled }: RelayToggleProps) {
  const id = useId();
  const health = useRelayHealth(relayUrl, checked);
  return (
    <div className="relay-toggle">
      <label htmlFor={id} className="relay-toggle-label">
        <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-status`} />
        {RELAY_LABEL}
      </label>
      <span id={`${id}-status`} role="status" className="relay-toggle-status">
        <HealthLine health={health} relayUrl={relayUrl} />
      </span>
    </div>
  );
}

/** The badge the Request step shows when the request goes through the relay. */
export function RelayBadge() {
  return (
    <span className="relay-badge" title="Sent by the local relay (Node), not by this page; the cURL and fetch snippets are the direct request.">
      via local relay
    </span>
  );
}
