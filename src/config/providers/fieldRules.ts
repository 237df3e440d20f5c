// Field rules the hosted-provider rows share: a host name typed with or without https://, a GUID, a path segment.

/** An RFC 1123 host name with at least one dot (a tenant's domain), optionally with a port; lower-cased. */
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$/;

/** 8-4-4-4-12 hex: Entra tenant IDs are GUIDs. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The host a person meant: `tenant.example.com`, also when pasted as `https://tenant.example.com/`. Undefined for
 * anything else (a path, another scheme, credentials, spaces), so no endpoint is built from half a value.
 */
export function hostFrom(value: string | undefined): string | undefined {
  let text = (value ?? '').trim().toLowerCase();
  if (text.startsWith('https://')) text = text.slice('https://'.length);
  text = text.replace(/\/$/, '');
  return HOST.test(text) ? text : undefined;
}

/** The field message for a host field. */
export function hostMessage(value: string, label: string, example: string): string | undefined {
  if (value.trim() === '') return `${label} is required, for example ${example}.`;
  if (hostFrom(value) === undefined) return `${label} must be a host name such as ${example}, without a path.`;
  return undefined;
}

export function isGuid(value: string): boolean {
  return GUID.test(value.trim());
}

/** A single URL path segment (a realm, an authorization server ID): non-empty, no slash, no whitespace. */
export function pathSegmentFrom(value: string | undefined): string | undefined {
  const text = (value ?? '').trim();
  return text !== '' && !/[\s/?#\\]/.test(text) ? text : undefined;
}

/** The endpoints of an incomplete row: every URL empty. */
export const NO_HOSTED_ENDPOINTS = Object.freeze({ tokenEndpoint: '', issuer: '', discoveryUrl: '', jwksUri: '' });
