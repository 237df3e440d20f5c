import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOW_FORM } from './flowFormSchema';
import { createShareLink, readShareLink, SHARE_PARAM } from './shareLink';
import type { FlowForm } from './flowTypes';

const PAGE = 'https://playground.example/flows/client-credentials?x=1#old';
/** A link's fragment carrying `config` as readShareLink reads it (UTF-8 JSON, base64url). */
const link = (config: Record<string, unknown>) => new URL(createShareLink({ ...DEFAULT_FLOW_FORM, ...config } as FlowForm, PAGE)).hash;
const form: FlowForm = {
  ...DEFAULT_FLOW_FORM,
  provider: 'pingone',
  environmentId: '6a1c2e4d-8b3f-4c5a-9e7d-1f2b3c4d5e6f',
  region: 'EU',
  clientId: 'worker-ü',
  authMethod: 'private_key_jwt',
  keyRef: 'local-key-id',
  kid: 'kid-1',
  scopes: ['read', 'write'],
  audience: 'https://api.example.com',
};

describe('share links', () => {
  it('round-trip the configuration through the URL fragment, without the local key reference', () => {
    const link = createShareLink(form, PAGE);
    const url = new URL(link);
    expect(url.search).toBe('');
    expect(url.hash.startsWith(`#${SHARE_PARAM}=`)).toBe(true);
    const shared = readShareLink(url.hash);
    expect(shared).toMatchObject({ provider: 'pingone', region: 'EU', clientId: 'worker-ü', scopes: ['read', 'write'], kid: 'kid-1' });
    expect(shared).not.toHaveProperty('keyRef');
    expect(link).not.toContain('local-key-id');
  });

  it('carry the assertion audience, typ and typed endpoints; an unknown mode spoils the link', () => {
    const shared = readShareLink(new URL(createShareLink({
      ...form, assertionAudience: 'issuer', assertionTyp: 'omit', introspectionEndpoint: 'https://as.example.com/i', revocationEndpoint: 'https://as.example.com/r',
    }, PAGE)).hash);
    expect(shared).toMatchObject({ assertionAudience: 'issuer', assertionTyp: 'omit', introspectionEndpoint: 'https://as.example.com/i', revocationEndpoint: 'https://as.example.com/r' });
    expect(readShareLink(`#${SHARE_PARAM}=${btoa(JSON.stringify({ assertionAudience: 'anything' }))}`)).toBeNull();
  });

  it('drops members that are not shareable configuration, such as a smuggled secret', () => {
    const payload = btoa(JSON.stringify({ clientId: 'a', client_secret: 's3cret', keyRef: 'k' })).replace(/=+$/, '');
    const shared = readShareLink(`#${SHARE_PARAM}=${payload}`);
    expect(shared).toEqual({ clientId: 'a' });
  });

  it('carry a hosted provider row and its fields (they name the server, never a credential)', () => {
    const entra: FlowForm = { ...DEFAULT_FLOW_FORM, provider: 'entra', providerFields: { tenant: 'contoso.onmicrosoft.com' }, certificateHeader: 'both' };
    const shared = readShareLink(new URL(createShareLink(entra, PAGE)).hash);
    expect(shared).toMatchObject({ provider: 'entra', providerFields: { tenant: 'contoso.onmicrosoft.com' }, certificateHeader: 'both' });
    // A crafted `__proto__` member is dropped by the JSON reader, never set as a prototype.
    const crafted = readShareLink(`#${SHARE_PARAM}=${btoa('{"providerFields":{"__proto__":{"polluted":"x"}}}')}`);
    expect(crafted).toEqual({ providerFields: {} });
    expect(Object.getPrototypeOf(crafted?.providerFields)).toBe(Object.prototype);
  });

  it.each([
    ['no parameter', '#other=1'],
    ['a provider field key that is no identifier', `#${SHARE_PARAM}=${btoa('{"providerFields":{"a b":"x"}}')}`],
    ['too many provider fields', `#${SHARE_PARAM}=${btoa(JSON.stringify({ providerFields: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, 'v'])) }))}`],
    ['not base64', `#${SHARE_PARAM}=%%%`],
    ['not JSON', `#${SHARE_PARAM}=${btoa('{nope')}`],
    ['a value of the wrong type', `#${SHARE_PARAM}=${btoa(JSON.stringify({ authMethod: 'none' }))}`],
    // Issue 19: a crafted link cannot plant what the fields refuse when typed.
    ['a bidi override in the client ID', link({ clientId: 'worker\u202Eevil' })],
    ['a zero-width space in the kid', link({ kid: 'kid\u200B1' })],
    ['a CR LF in the audience', link({ audience: 'aud\r\nX-Injected: 1' })],
    ['a javascript: resource', link({ resource: 'javascript:alert(1)' })],
    ['a resource with userinfo', link({ resource: 'https://user:pass@api.example.com/' })],
  ])('rejects %s', (_name, hash) => {
    expect(readShareLink(hash)).toBeNull();
  });
});
