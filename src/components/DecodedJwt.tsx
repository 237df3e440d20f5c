// A decoded JWT: its three compact parts in distinct colours (only when revealed), then header and claims as JSON.
import { memo, useId, useMemo } from 'react';
import { decodeAccessToken } from '../utils/tokenChecks';
import { JsonView } from './JsonView';
import './tokenPanels.css';

export interface DecodedJwtProps {
  token: string;
  /** When false the compact token is not rendered at all: the parts row shows a masked placeholder. */
  revealed: boolean;
  /** Region name, e.g. "Decoded access token". */
  title: string;
}

/**
 * Shows what a JWT says. Header and claims are not secret on their own (anyone holding the token can read them),
 * but the compact token is a bearer credential, so it appears only after the user reveals it.
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-3
 */
export const DecodedJwt = memo(function DecodedJwt({ token, revealed, title }: DecodedJwtProps) {
  const titleId = useId();
  const decoded = useMemo(() => decodeAccessToken(token), [token]);
  const [header = '', payload = '', signature = ''] = token.split('.');

  return (
    <section className="decoded-jwt" aria-labelledby={titleId}>
      <h3 id={titleId} className="panel-title">
        {title}
      </h3>
      {!decoded ? (
        <p className="tp-muted">This access token is opaque (not a JWT), so there is nothing to decode locally.</p>
      ) : (
        <>
          <div className="jwt-parts" role="group" aria-label="Token parts">
            {revealed ? (
              <>
                <span className="jwt-part-header" title="Header">{header}</span>
                <span className="jwt-dot">.</span>
                <span className="jwt-part-payload" title="Payload">{payload}</span>
                <span className="jwt-dot">.</span>
                <span className="jwt-part-signature" title="Signature">{signature}</span>
              </>
            ) : (
              <span className="jwt-masked">header.payload.signature — reveal the access token to see its parts</span>
            )}
          </div>
          <ul className="jwt-legend" aria-label="Legend">
            <li><span className="jwt-swatch jwt-part-header" aria-hidden="true" />Header</li>
            <li><span className="jwt-swatch jwt-part-payload" aria-hidden="true" />Payload</li>
            <li><span className="jwt-swatch jwt-part-signature" aria-hidden="true" />Signature</li>
          </ul>
          <div className="jwt-json">
            <div>
              <h4 className="jwt-json-title jwt-part-header">Header</h4>
              <JsonView value={decoded.header} label="Header" />
            </div>
            <div>
              <h4 className="jwt-json-title jwt-part-payload">Claims</h4>
              <JsonView value={decoded.claims} label="Claims" />
            </div>
          </div>
        </>
      )}
    </section>
  );
});
