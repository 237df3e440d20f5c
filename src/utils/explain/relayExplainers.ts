// What the error card says for a CORS block and for the local relay's own failures (not running, refused, upstream).
import type { Explainer } from './explainTypes';

const START_RELAY = 'Start it with `npm run relay` (or `npm start`, which runs sandbox, relay and app together).';

/** The TLS readings the relay gives (relay/README.md), as causes a person can act on. */
const TLS_CAUSES = [
  'The server’s certificate is not trusted: for the sandbox, the demo CA (caRef) must be given to the relay.',
  'The server asked for a client certificate and got none, or refused the one sent (wrong CA, expired, not registered for this client).',
  'The certificate and key do not belong together, or the certificate has expired.',
];

function upstream(kind: string | undefined): ReturnType<Explainer> {
  switch (kind) {
    case 'tls':
      return {
        summary: 'The relay reached the server, but the TLS handshake failed.',
        likelyCauses: TLS_CAUSES,
        fixHint: 'Check the client certificate, its key and the CA named in step 1; the reason below says which side refused.',
      };
    case 'timeout':
      return {
        summary: 'The relay reached out, but the server did not answer within the relay’s 15 s.',
        likelyCauses: ['The server is slow or stuck.', 'A firewall drops the connection silently.'],
        fixHint: 'Try again; if it persists, check the server’s health.',
      };
    case 'too_large':
      return {
        summary: 'The server’s answer is larger than the relay carries (1 MiB).',
        likelyCauses: ['The URL points at a page or a file rather than an API.'],
        fixHint: 'Check the URL.',
      };
    default:
      return {
        summary: 'The relay is running, but it could not reach the server either.',
        likelyCauses: ['The host name does not resolve, or nothing listens on that port.', 'The server is down.'],
        fixHint: 'Check the host and port; for the local sandbox, start it with `npm run sandbox` (or `npm start`).',
      };
  }
}

/** Explainers by error code, merged into the card's table (errorExplain.ts). */
export const RELAY_EXPLAINERS: Record<string, Explainer> = {
  CORS_BLOCKED: (e) => ({
    summary: `Blocked by CORS: ${e.origin ?? 'the server'} answers, but does not let this page read its answer (no Access-Control-Allow-Origin for this origin).`,
    likelyCauses: [
      'Many servers refuse browser pages at the token endpoint of a confidential client (oidc-provider’s clientBasedCORS, Microsoft Entra ID’s AADSTS9002326).',
      'The server answers only origins an administrator registered.',
    ],
    fixHint: 'Tick “Send through the local relay”: it sends the same request from Node, where CORS does not apply.',
  }),
  RELAY_UNAVAILABLE: (e) => ({
    summary: `The local relay is not running at ${e.relayUrl ?? 'its address'} (or it does not accept this page).`,
    likelyCauses: [
      'The relay was not started, or it runs on another port (RELAY_PORT; the app’s relay.url setting).',
      'This page’s origin is not one the relay accepts (add it to RELAY_ALLOWED_ORIGINS).',
    ],
    fixHint: START_RELAY,
  }),
  RELAY_REFUSED: (e) => ({
    summary: 'The local relay refused to forward this request.',
    likelyCauses: [e.reason ?? 'The relay did not say why.'],
    fixHint: 'The relay forwards https:// anywhere public and http:// to loopback only; fix what its reason names.',
  }),
  RELAY_UPSTREAM_ERROR: (e) => upstream(e.kind),
};
