// The sandbox's client authentication rules as pure functions: the exp cap and the method read from the transport.
import { describe, expect, it } from 'vitest';

import { assertAssertionExpiry, authMethodMismatch, presentedAuthMethod } from './clientAuthPolicy.js';

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
