// The sandbox's client authentication rules as pure functions: the exp cap and the method read from the transport.
import { describe, expect, it } from 'vitest';

import {
  assertAssertionExpiry, assertAssertionIssuedAt, assertAssertionType, assertIssuerOnlyAudience, authMethodMismatch,
  presentedAuthMethod,
} from './clientAuthPolicy.js';

const jwtWithAlg = (alg) => `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.e30.sig`;
const ctxOf = ({ authorization, params = {}, registered } = {}) => ({
  headers: authorization === undefined ? {} : { authorization },
  oidc: { params, client: registered ? { clientAuthMethod: registered } : undefined },
});

describe('assertAssertionExpiry', () => {
  const now = 1_800_000_000;
  it.each([[now + 60], [now + 3600], [now - 10]])('exp %i is left to oidc-provider (at most 1 h ahead)', (exp) => {
    expect(() => assertAssertionExpiry({ exp }, now)).not.toThrow();
  });
  it.each([[{ exp: now + 3601 }, /3601 s ahead/], [{}, /no exp/], [{ exp: '1800000000' }, /no exp/]])('%j → invalid_client saying why', (claims, why) => {
    expect(() => assertAssertionExpiry(claims, now)).toThrow(expect.objectContaining({
      statusCode: 401, error: 'invalid_client', error_description: expect.stringMatching(why),
    }));
  });
});

const refused = (why) => expect.objectContaining({
  statusCode: 401, error: 'invalid_client', error_description: expect.stringMatching(why),
});

describe('assertAssertionIssuedAt', () => {
  const now = 1_800_000_000;
  it.each([[{}], [{ iat: now }], [{ iat: now + 15, exp: now + 60 }], [{ iat: now - 3600, exp: now + 60 }]])('%j passes', (claims) => {
    expect(() => assertAssertionIssuedAt(claims, now)).not.toThrow();
  });
  it.each([
    [{ iat: now + 16, exp: now + 60 }, /16 s in the future/],
    [{ iat: now + 86_400, exp: now + 60 }, /in the future/],
    [{ iat: now + 10, exp: now + 5 }, /after its exp/],
  ])('%j → invalid_client saying why', (claims, why) => {
    expect(() => assertAssertionIssuedAt(claims, now)).toThrow(refused(why));
  });
});

describe('assertAssertionType', () => {
  it.each([[undefined], ['JWT'], ['jwt'], ['client-authentication+jwt'], ['Application/Client-Authentication+JWT'], ['example-profile+jwt']])(
    'typ %s passes', (typ) => expect(() => assertAssertionType({ typ })).not.toThrow(),
  );
  it.each([['at+jwt'], ['application/at+jwt'], ['DPoP+JWT'], ['secevent+jwt'], ['logout+jwt'], ['token-introspection+jwt'], [null], [['JWT']]])(
    'typ %j → invalid_client naming typ', (typ) => expect(() => assertAssertionType({ typ })).toThrow(refused(/typ/)),
  );
});

describe('assertIssuerOnlyAudience', () => {
  const issuer = 'http://localhost:4500/env/as';
  it.each([[issuer], [[issuer]]])('aud %j passes', (aud) => expect(() => assertIssuerOnlyAudience({ aud }, issuer)).not.toThrow());
  it.each([
    [`${issuer}/token`], [[issuer, `${issuer}/token`]], [[]], [undefined], [`${issuer}/`], [issuer.toUpperCase()],
  ])('aud %j → invalid_client naming the rule', (aud) => {
    expect(() => assertIssuerOnlyAudience({ aud }, issuer)).toThrow(refused(/only the issuer identifier .* as its only value/));
  });
});

describe('presentedAuthMethod / authMethodMismatch', () => {
  it.each([
    [{ authorization: 'Basic eDp5' }, 'client_secret_basic'],
    [{ params: { client_id: 'x', client_secret: 'y' } }, 'client_secret_post'],
    [{ params: { client_assertion: jwtWithAlg('HS256') } }, 'client_secret_jwt'],
    [{ params: { client_assertion: jwtWithAlg('ES256') } }, 'private_key_jwt'],
    [{ params: { client_assertion: 'not-a-jwt' } }, undefined],
    [{ params: { client_id: 'x' } }, undefined],
  ])('%j → %s', (request, method) => {
    expect(presentedAuthMethod(ctxOf(request))).toBe(method);
  });

  it('names both methods on a mismatch, and nothing when they agree', () => {
    expect(authMethodMismatch(ctxOf({ authorization: 'Basic eDp5', registered: 'client_secret_post' })))
      .toMatch(/registered for client_secret_post but authenticated with client_secret_basic/);
    expect(authMethodMismatch(ctxOf({ authorization: 'Basic eDp5', registered: 'client_secret_basic' }))).toBeUndefined();
  });
});
