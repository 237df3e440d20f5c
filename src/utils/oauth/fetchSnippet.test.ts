// toFetchSnippet: valid JavaScript that sends the described request; placeholders instead of credentials.
import { describe, expect, it } from 'vitest';
import { buildClientCredentialsBody } from './body';
import { clientSecretBasic, clientSecretPost, type ClientAuth } from './clientAuth';
import { describeClientCredentialsRequest, type RequestDescription } from './description';
import { toFetchSnippet } from './fetchSnippet';

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (
  ...args: unknown[]
) => Promise<unknown>;

/** Evaluates the snippet with a recording fetch and returns what it would have sent. */
async function execute(snippet: string) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fakeFetch = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response('{"ok":true}');
  };
  const result = await new AsyncFunction('fetch', `${snippet}\nreturn tokenResponse;`)(fakeFetch);
  expect(result).toEqual({ ok: true });
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

const describeWith = (auth: ClientAuth) =>
  describeClientCredentialsRequest({
    tokenEndpoint: 'https://as.example.com/token',
    clientId: 'id "quoted" \u2028',
    auth,
    params: buildClientCredentialsBody({ scope: ['read', '</script>'] }),
  });

describe('toFetchSnippet', () => {
  it('revealed: sends exactly the described url, headers and body', async () => {
    const desc = await describeWith(clientSecretBasic('s"e\\c\nret'));
    const { url, init } = await execute(toFetchSnippet(desc, { reveal: true }));
    expect(url).toBe(desc.url);
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual(desc.headers);
    expect(String(init.body)).toBe(desc.body);
  });

  it.each([
    ['client_secret_basic', () => clientSecretBasic('TOP-SECRET'), 'BASIC_CREDENTIALS'],
    ['client_secret_post', () => clientSecretPost('TOP-SECRET'), 'CLIENT_SECRET'],
  ])('%s masked: declares a placeholder constant and contains no credential', async (_name, auth, constant) => {
    const desc: RequestDescription = await describeWith(auth());
    const snippet = toFetchSnippet(desc);
    expect(snippet).not.toContain('TOP-SECRET');
    if (desc.headers.Authorization) expect(snippet).not.toContain(desc.headers.Authorization.slice(6));
    expect(snippet).toMatch(new RegExp(`^const ${constant} = "<[^>]+>"; // placeholder`, 'm'));
    const { init } = await execute(snippet);
    const sent = new URLSearchParams(String(init.body));
    expect(sent.get('scope')).toBe('read </script>');
    if (constant === 'CLIENT_SECRET') expect(sent.get('client_secret')).toBe('<client_secret>');
    else expect((init.headers as Record<string, string>).Authorization).toBe('Basic <base64(client_id:client_secret)>');
  });
});
