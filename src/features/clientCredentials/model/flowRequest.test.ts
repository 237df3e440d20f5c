// The flow passes the assertion choices (audience mode, typ) through to the one request description.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, type SigningKey } from '../../../utils/keys';
import { DEFAULT_FLOW_FORM } from './flowFormSchema';
import { describeFlowRequest } from './flowRequest';

const FORM = {
  ...DEFAULT_FLOW_FORM,
  tokenEndpoint: 'https://as.example.com/env/as/token',
  issuer: 'https://as.example.com/env/as',
  clientId: 'client-1',
  authMethod: 'private_key_jwt' as const,
  signingAlg: 'ES256' as const,
};

let key: SigningKey;
beforeAll(async () => {
  key = await generateSigningKeyPair('ES256');
});

const assertionOf = (body: string) => new URLSearchParams(body).get('client_assertion') ?? '';

describe('describeFlowRequest assertion choices', () => {
  it('signs the issuer with typ client-authentication+jwt when the form asks for the issuer', async () => {
    const jwt = assertionOf((await describeFlowRequest({ ...FORM, assertionAudience: 'issuer' }, { secret: '', key })).body);
    expect(decodeJwt(jwt).aud).toBe('https://as.example.com/env/as');
    expect(decodeProtectedHeader(jwt).typ).toBe('client-authentication+jwt');
  });

  it('keeps the token endpoint and typ JWT for a form without the choices, and drops typ when told', async () => {
    const plain = assertionOf((await describeFlowRequest(FORM, { secret: '', key })).body);
    expect([decodeJwt(plain).aud, decodeProtectedHeader(plain).typ]).toEqual(['https://as.example.com/env/as/token', 'JWT']);
    const untyped = assertionOf((await describeFlowRequest({ ...FORM, authMethod: 'client_secret_jwt', assertionTyp: 'omit' }, { secret: 's3cret' })).body);
    expect(decodeProtectedHeader(untyped)).toEqual({ alg: 'HS256' });
  });
});
