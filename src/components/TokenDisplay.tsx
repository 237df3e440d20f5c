// The access-token card: masked by default (first 10 … last 10), Reveal/Hide, Copy, and the token's metadata rows.
import { useId, useState } from 'react';
import { formatDuration } from '../utils/tokenLifecycle';
import { CopyButton, type ClipboardLike } from './CopyButton';
import { formatLocalDateTime } from './localTime';
import './tokenPanels.css';

export interface TokenDisplayProps {
  token: string;
  /** Card label; also names the buttons: "Reveal access token", "Copy access token". */
  label?: string;
  tokenType?: string;
  /** seconds, as the server sent them */
  expiresIn?: number;
  /** epoch ms absolute expiry */
  expAt?: number;
  /** Controlled reveal state (lets a decoded view follow the same toggle); uncontrolled when omitted. */
  revealed?: boolean;
  onRevealedChange?: (revealed: boolean) => void;
  clipboard?: ClipboardLike;
}

const KEEP = 10;

/**
 * The masked form: first and last 10 characters with "…" between. A value too short to keep 20 characters
 * and still hide something is masked whole.
 */
export function maskToken(token: string): string {
  if (token.length <= KEEP * 2 + 4) return '•'.repeat(12);
  return `${token.slice(0, KEEP)}…${token.slice(-KEEP)}`;
}

/** Local time plus ISO 8601 (UTC), so the expiry is unambiguous whatever the reader's time zone. */
export function formatAbsoluteTime(epochMs: number): string {
  return `${formatLocalDateTime(epochMs)} (${new Date(epochMs).toISOString()})`;
}

/** The metadata rows the server sent: type, lifetime, absolute expiry. */
function TokenMeta({ tokenType, expiresIn, expAt }: Pick<TokenDisplayProps, 'tokenType' | 'expiresIn' | 'expAt'>) {
  return (
    <dl className="token-meta">
      {tokenType && (
        <div>
          <dt>Token type</dt>
          <dd>{tokenType}</dd>
        </div>
      )}
      {expiresIn !== undefined && (
        <div>
          <dt>Lifetime</dt>
          <dd>{formatDuration(expiresIn)}</dd>
        </div>
      )}
      {expAt !== undefined && (
        <div>
          <dt>Expires at</dt>
          <dd>{formatAbsoluteTime(expAt)}</dd>
        </div>
      )}
    </dl>
  );
}

export function TokenDisplay({
  token,
  label = 'Access token',
  tokenType,
  expiresIn,
  expAt,
  revealed: controlled,
  onRevealedChange,
  clipboard,
}: TokenDisplayProps) {
  const [own, setOwn] = useState(false);
  const revealed = controlled ?? own;
  const valueId = useId();
  const name = label.toLowerCase();

  function toggle() {
    const next = !revealed;
    if (controlled === undefined) setOwn(next);
    onRevealedChange?.(next);
  }

  return (
    <div className="token-card" role="group" aria-label={label}>
      <div className="token-card-header">
        <span className="token-card-label">
          <span className="token-dot" aria-hidden="true" />
          {label}
        </span>
        <span className="token-card-actions">
          <button type="button" className="btn btn--secondary btn--small" aria-controls={valueId} onClick={toggle}>
            {revealed ? `Hide ${name}` : `Reveal ${name}`}
          </button>
          <CopyButton text={() => token} label={`Copy ${name}`} clipboard={clipboard} />
        </span>
      </div>
      <code id={valueId} className="token-value" data-masked={!revealed}>
        {revealed ? token : maskToken(token)}
      </code>
      <TokenMeta tokenType={tokenType} expiresIn={expiresIn} expAt={expAt} />
    </div>
  );
}
