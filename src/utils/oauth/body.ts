// The client_credentials form body: grant_type, scope, audience, resource (RFC 6749 §4.4.2, RFC 8707).
import { InputError } from '../errors';
import { splitScopes } from '../scopes';
import { unsafeCharMessage } from '../textSafety';

export interface ClientCredentialsBodyOptions {
  /** Space-delimited string or a list; tokens are trimmed, de-duplicated, order kept. */
  scope?: readonly string[] | string;
  /** Vendor `audience` parameter (Auth0, PingOne API resources); sent as given when non-empty. */
  audience?: string;
  /** RFC 8707 resource indicator(s): absolute URIs without a fragment; repeatable. */
  resource?: string | readonly string[];
  /** Any other parameters a server wants; may not override the ones above or the client-auth ones. */
  extra?: Record<string, string>;
}

/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ) — printable ASCII minus space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** Parameters this module or client authentication owns; `extra` must not smuggle a second copy in. */
const RESERVED_PARAMS = new Set([
  'grant_type',
  'scope',
  'audience',
  'resource',
  'client_id',
  'client_secret',
  'client_assertion',
  'client_assertion_type',
]);

/**
 * The scope tokens ({@link splitScopes}: order kept, each once), each checked to be a valid RFC 6749 scope-token.
 * @throws InputError field `scopes`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function validateScopes(scope: readonly string[] | string | undefined): string[] {
  const tokens = splitScopes(scope);
  for (const token of tokens) {
    if (!SCOPE_TOKEN.test(token)) {
      throw new InputError(
        'scopes',
        `Scope "${token}" has a character scopes may not contain (only printable ASCII without space, " or \\).`,
      );
    }
  }
  return tokens;
}

/**
 * Checks an RFC 8707 resource indicator: an absolute URI with no fragment (RFC 8707 §2). This app asks more: an
 * http(s) URI (no `data:`, `javascript:`, `urn:`…) without userinfo, and no control, bidirectional-control or
 * invisible character — the value is sent, shown, stored and put in share links, and a resource server is named by
 * its https URL in every provider this playground knows.
 * @throws InputError field `resource`
 * @see https://www.rfc-editor.org/rfc/rfc8707#section-2
 */
export function validateResource(value: string): string {
  const raw = value.trim();
  // The value as typed: trim() would hide a U+FEFF or a line break at either end.
  const unsafe = unsafeCharMessage('Resource', value);
  if (unsafe) throw new InputError('resource', unsafe);
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new InputError('resource', `Resource "${raw}" must be an absolute URI such as https://api.example.com/.`, cause);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('resource', `Resource must be an http or https URI such as https://api.example.com/ (not ${url.protocol}).`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError('resource', 'Resource must not contain a username or password.');
  }
  if (raw.includes('#') || url.hash !== '') {
    throw new InputError('resource', `Resource "${raw}" must not contain a #fragment (RFC 8707).`);
  }
  return raw;
}

/**
 * Checks the vendor `audience` parameter: any text, but no control, bidirectional-control or invisible character.
 * @throws InputError field `audience`
 */
export function validateAudience(value: string): string {
  const unsafe = unsafeCharMessage('Audience', value);
  if (unsafe) throw new InputError('audience', unsafe);
  return value;
}

/**
 * Builds the form body of a client_credentials token request. Client authentication parameters are added
 * later by a {@link ClientAuth}, so this body never contains a secret.
 * @throws InputError field `scope`, `resource`, `audience` or `extra.<name>`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 */
export function buildClientCredentialsBody(opts: ClientCredentialsBodyOptions = {}): URLSearchParams {
  const body = new URLSearchParams();
  body.set('grant_type', 'client_credentials');

  const scopes = validateScopes(opts.scope);
  if (scopes.length > 0) body.set('scope', scopes.join(' '));

  const audience = opts.audience?.trim();
  if (audience) body.set('audience', validateAudience(audience));

  const resources = opts.resource === undefined ? [] : typeof opts.resource === 'string' ? [opts.resource] : opts.resource;
  for (const resource of new Set(resources.filter((r) => r.trim() !== '').map(validateResource))) {
    body.append('resource', resource);
  }

  for (const [name, value] of Object.entries(opts.extra ?? {})) {
    if (RESERVED_PARAMS.has(name)) {
      throw new InputError(`extra.${name}`, `"${name}" is set by the playground itself and cannot be overridden.`);
    }
    if (name.trim() === '') throw new InputError('extra', 'Extra parameter names must not be empty.');
    body.set(name, value);
  }
  return body;
}
