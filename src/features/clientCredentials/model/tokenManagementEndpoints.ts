// Where a token is introspected and revoked: typed by hand, discovery's endpoints, or (provider table) the token
// endpoint's siblings — and, when none is known, why the buttons are disabled.
import { hostedEndpoints, PROVIDERS } from '../../../config/providers';
import { isPlaygroundError } from '../../../utils/errors';
import { validateEndpointUrl } from '../../../utils/urlValidation';
import type { FlowForm } from './flowTypes';

export interface TokenManagementEndpoints {
  introspection: string | undefined;
  revocation: string | undefined;
}

/** Discovery's answer as far as it matters here; `undefined` as a whole means discovery has not run (or failed). */
export interface DiscoveredManagementEndpoints {
  introspection_endpoint?: string | undefined;
  revocation_endpoint?: string | undefined;
}

/** Endpoints a person typed (`Introspection endpoint`, `Revocation endpoint`); empty means not typed. */
export type TypedManagementEndpoints = Partial<Record<keyof TokenManagementEndpoints, string | undefined>>;

type Kind = keyof TokenManagementEndpoints;
const FIELD: Record<Kind, string> = { introspection: 'introspectionEndpoint', revocation: 'revocationEndpoint' };
const METADATA: Record<Kind, keyof DiscoveredManagementEndpoints> = { introspection: 'introspection_endpoint', revocation: 'revocation_endpoint' };
const SIBLING: Record<Kind, string> = { introspection: 'introspect', revocation: 'revoke' };
const LABEL: Record<Kind, string> = { introspection: 'introspection endpoint', revocation: 'revocation endpoint' };

/** The typed URL when it passes the token endpoint's rules, `null` when typed but refused, `undefined` when empty. */
function typedEndpoint(typed: TypedManagementEndpoints, kind: Kind): string | null | undefined {
  const raw = typed[kind]?.trim();
  if (!raw) return undefined;
  try {
    return validateEndpointUrl(raw, FIELD[kind]).href;
  } catch {
    return null;
  }
}

/** The form as far as the endpoints depend on it (a hosted row's fields give Okta's and Keycloak's). */
type ManagedForm = Pick<FlowForm, 'provider' | 'tokenEndpoint'> & Partial<Pick<FlowForm, 'providerFields'>>;

/** What a hosted row's fields give (Okta's `/v1/introspect`, Keycloak's `/token/introspect`), or undefined. */
function rowEndpointOf(form: ManagedForm, kind: Kind): string | undefined {
  const found = hostedEndpoints(form.provider, form.providerFields ?? {});
  return (kind === 'introspection' ? found?.introspectionEndpoint : found?.revocationEndpoint) || undefined;
}

function siblingOf(form: Pick<FlowForm, 'provider' | 'tokenEndpoint'>, kind: Kind): string | undefined {
  const token = form.tokenEndpoint.trim();
  const siblings = PROVIDERS[form.provider].tokenManagement === 'as-siblings' && /\/as\/token$/.test(token);
  return siblings ? token.replace(/\/token$/, `/${SIBLING[kind]}`) : undefined;
}

/**
 * A URL typed by hand wins (some servers serve introspection and revocation without advertising them); then
 * discovery (RFC 8414 §2 `introspection_endpoint`, `revocation_endpoint`); then, for a provider whose row says
 * `as-siblings` (PingOne, the sandbox), `/as/introspect` and `/as/revoke` beside its `/as/token`; or what a hosted
 * row's fields give (Okta, Keycloak: their documented paths under the issuer). A typed URL that
 * breaks the token endpoint's rules (validateEndpointUrl) gives no endpoint at all, never a fallback the person
 * did not choose; {@link tokenManagementUnavailableReason} says why.
 * @see https://developer.pingidentity.com/pingone-api/auth/openid-connect-oauth-2/token-introspection.html
 */
export function tokenManagementEndpoints(
  form: ManagedForm,
  discovered: DiscoveredManagementEndpoints = {},
  typed: TypedManagementEndpoints = {},
): TokenManagementEndpoints {
  const pick = (kind: Kind): string | undefined => {
    const byHand = typedEndpoint(typed, kind);
    if (byHand !== undefined) return byHand ?? undefined;
    return discovered[METADATA[kind]] ?? siblingOf(form, kind) ?? rowEndpointOf(form, kind);
  };
  return { introspection: pick('introspection'), revocation: pick('revocation') };
}

/**
 * Why `Introspect token` / `Revoke token` is disabled, as a sentence for the person; `undefined` when an endpoint is
 * known. `discovered` is `undefined` while discovery has not run.
 */
export function tokenManagementUnavailableReason(
  kind: Kind,
  form: ManagedForm,
  discovered: DiscoveredManagementEndpoints | undefined,
  typed: TypedManagementEndpoints = {},
): string | undefined {
  if (tokenManagementEndpoints(form, discovered, typed)[kind] !== undefined) return undefined;
  const label = LABEL[kind];
  const raw = typed[kind]?.trim();
  if (raw) {
    try {
      validateEndpointUrl(raw, FIELD[kind]);
    } catch (error) {
      return `The ${label} you typed cannot be used: ${isPlaygroundError(error) ? error.message : 'it is not a valid URL.'}`;
    }
  }
  const entry = PROVIDERS[form.provider];
  if (entry.tokenManagement === 'as-siblings') {
    return `The token endpoint does not end in /as/token, so the ${label} beside it (/as/${SIBLING[kind]}) cannot be assumed; type the ${label}.`;
  }
  if (discovered === undefined) return `No ${label} is known yet: run discovery from the issuer, or type the ${label}.`;
  return `The server's discovery document does not advertise a ${METADATA[kind]} (RFC 8414 §2); if the server has one anyway, type the ${label}.`;
}
