// maskRequestDescription: credentials hidden for display, everything else exact; reveal gives an exact copy.
import { describe, expect, it } from 'vitest';
import { buildClientCredentialsBody } from './body';
import { clientSecretBasic, clientSecretJwt, clientSecretPost } from './clientAuth';
import { describeClientCredentialsRequest } from './description';
import { MASKED_SECRET } from '../mask';
import { bodyPairs, maskRequestDescription } from './requestMask';

const describeWith = (auth: Parameters<typeof describeClientCredentialsRequest>[0]['auth']) =>
  describeClientCredentialsRequest({
    tokenEndpoint: 'https://as.example.com/token',
    clientId: 'client-1',
    auth,
    params: buildClientCredentialsBody({ scope: 'read write' }),
  });

describe('maskRequestDescription', () => {
  it('keeps the Authorization scheme and hides its credentials', async () => {
    const desc = await describeWith(clientSecretBasic('hunter2'));
    const masked = maskRequestDescription(desc);
    expect(masked.headers.Authorization).toBe(`Basic ${MASKED_SECRET}`);
    expect(masked.headers['Content-Type']).toBe(desc.headers['Content-Type']);
    expect(masked.body).toBe(desc.body);
    expect(JSON.stringify(masked)).not.toContain(desc.headers.Authorization!.slice(6));
  });

  it('hides client_secret and all but a short prefix of client_assertion', async () => {
    const post = maskRequestDescription(await describeWith(clientSecretPost('hunter2&more')));
    expect(post.body).toBe(`grant_type=client_credentials&scope=read+write&client_id=client-1&client_secret=${MASKED_SECRET}`);

    const jwtDesc = await describeWith(clientSecretJwt('s'));
    const assertion = new URLSearchParams(jwtDesc.body).get('client_assertion')!;
    const masked = maskRequestDescription(jwtDesc).body;
    expect(masked).toContain(`client_assertion=${assertion.slice(0, 10)}${MASKED_SECRET}`);
    expect(masked).not.toContain(assertion.split('.')[1]!);
    expect(masked).toContain('client_assertion_type=urn%3Aietf');
  });

  it('reveal returns an exact copy that does not share header objects', async () => {
    const desc = await describeWith(clientSecretBasic('hunter2'));
    const copy = maskRequestDescription(desc, { reveal: true });
    expect(copy).toEqual(desc);
    copy.headers.Authorization = 'changed';
    expect(desc.headers.Authorization).not.toBe('changed');
  });

  it('does not mutate the description', async () => {
    const desc = await describeWith(clientSecretPost('hunter2'));
    const before = structuredClone(desc);
    maskRequestDescription(desc);
    expect(desc).toEqual(before);
  });

  it('bodyPairs keeps the encoded form and decodes names and values', () => {
    expect(bodyPairs('a+b=c%26d&x')).toEqual([
      { name: 'a b', value: 'c&d', encoded: 'a+b=c%26d' },
      { name: 'x', value: '', encoded: 'x' },
    ]);
    expect(bodyPairs('')).toEqual([]);
  });
});
