// The answer of an introspection (RFC 7662 §2.2): `active` first and large, then every other claim as JSON.
import type { IntrospectionResult as Result } from '../utils/oauth/introspection';
import { JsonView } from './JsonView';
import './tokenPanels.css';

export interface IntrospectionResultProps {
  result: Result;
  /** The token is a JWT: some servers (oidc-provider) do not track their JWTs and call every one inactive. */
  tokenIsJwt?: boolean;
}

/**
 * A region named "Introspection result". The claims come from the server and are rendered by JsonView as text,
 * never as HTML. An inactive token has no other members worth showing (RFC 7662 §2.2 says a server should
 * send only `active: false`).
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.2
 */
export function IntrospectionResult({ result, tokenIsJwt = false }: IntrospectionResultProps) {
  const claims = Object.keys(result.claims).length > 0;
  return (
    <section className="introspection-result" aria-label="Introspection result">
      <h3 className="panel-title">Introspection result</h3>
      <p className={`introspection-active introspection-active--${result.active ? 'yes' : 'no'}`}>
        <code>active: {String(result.active)}</code>
        <span>{result.active ? ' The server says this token is valid now.' : ' The server says this token is not valid: revoked, expired or unknown to it.'}</span>
      </p>
      {!result.active && tokenIsJwt && (
        <p className="cc-muted">
          This token is a JWT. Servers that do not store their JWT access tokens (oidc-provider, the sandbox) answer <code>active: false</code> even for a
          valid one: check its signature and exp instead, or use opaque tokens (sandbox-opaque) to see introspection work.
        </p>
      )}
      {claims && <JsonView value={result.claims} label="Introspection claims" />}
    </section>
  );
}
