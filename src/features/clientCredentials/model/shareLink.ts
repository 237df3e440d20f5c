// Share links: the flow's non-secret configuration in a URL fragment, so a colleague can open the same setup.
import { parseJsonSafely } from '../../../utils/secureJson';
import * as z from '../../../utils/zod';
import { flowFormSchema } from './flowFormSchema';
import type { FlowForm } from './flowTypes';

/** The fragment parameter; a fragment is never sent to a server, and it is removed from the address bar on load. */
export const SHARE_PARAM = 'cc';

/**
 * What a link may carry: configuration only. Never a secret (the form holds none by contract) and never `keyRef`,
 * which names a private key in this browser's IndexedDB and means nothing elsewhere.
 */
export const SHARED_FIELDS = [
  'provider', 'environmentId', 'region', 'issuerOrDiscoveryUrl', 'tokenEndpoint', 'issuer', 'jwksUri', 'clientId',
  'authMethod', 'kid', 'signingAlg', 'scopes', 'audience', 'resource', 'proactiveRefreshSeconds',
  'assertionLifetimeSeconds', 'clockSkewSeconds', 'assertionAudience', 'assertionTyp', 'introspectionEndpoint',
  'revocationEndpoint',
  // A hosted provider's fields name its server (a tenant, a domain, a realm): configuration, never a credential.
  'providerFields', 'certificateHeader',
] as const satisfies ReadonlyArray<keyof FlowForm>;

export type SharedField = (typeof SHARED_FIELDS)[number];
export type SharedConfig = Partial<Pick<FlowForm, SharedField>>;

// Built on the first link read, not at import (issue 24: page-load main thread; see lazySchema).
const sharedSchema = z.lazySchema(() =>
  z.partial(z.pick(flowFormSchema(), Object.fromEntries(SHARED_FIELDS.map((f) => [f, true])) as { [K in SharedField]: true })),
);

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The page URL with the shareable part of `form` in its fragment. */
export function createShareLink(form: FlowForm, pageUrl: string): string {
  const shared = Object.fromEntries(SHARED_FIELDS.map((field) => [field, form[field]]));
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = `${SHARE_PARAM}=${toBase64Url(JSON.stringify(shared))}`;
  return url.toString();
}

/**
 * Reads a shared configuration from a URL fragment (`#cc=…`). Unknown members are dropped and every value is
 * validated, so a crafted link can neither smuggle other fields in nor break the form; bad links yield null.
 */
export function readShareLink(hash: string): SharedConfig | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const encoded = params.get(SHARE_PARAM);
  if (!encoded || encoded.length > 16_384) return null;
  const json = fromBase64Url(encoded);
  if (json === null) return null;
  const parsed = parseJsonSafely(json, { maxBytes: 16_384 });
  if (!parsed.ok) return null;
  const valid = sharedSchema().safeParse(parsed.value);
  return valid.success ? (valid.data as SharedConfig) : null;
}
