// introspectToken / revokeToken on a virtual clock: fresh descriptions per attempt, retries, safe log lines.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../../tests/support/effects';
import { setupMswServer } from '../../../tests/support/msw';
import { recordingLogger } from '../../../tests/support/recordingLogger';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { clientSecretPost } from './clientAuth';
import { describeIntrospectionRequest } from './introspection';
import type { AttemptInfo } from './retry';
import { describeRevocationRequest } from './revocation';
import { introspectToken, revokeToken } from './tokenManagement';

const INTROSPECT = 'https://as.example.com/as/introspect';
const REVOKE = 'https://as.example.com/as/revoke';
const TOKEN = 'SECRET-opaque-token';
const SECRET = 'SECRET-client-secret';

const server = setupMswServer();
const fx = setupTestEffects(() => {
  const log = recordingLogger();
  return { clock: new VirtualClock(), logger: log.logger, log };
});

const opts = { endpoint: INTROSPECT, clientId: 'c1', auth: clientSecretPost(SECRET), token: TOKEN };

describe('introspectToken', () => {
  it('retries a 503 after its Retry-After, describing the request again, and never logs the token or secret', async () => {
    let hits = 0;
    server.use(
      http.post(INTROSPECT, () => {
        hits++;
        return hits === 1 ? new HttpResponse(null, { status: 503, headers: { 'Retry-After': '2' } }) : HttpResponse.json({ active: true, scope: 'a' });
      }),
    );
    const described: number[] = [];
    const attempts: AttemptInfo[] = [];
    const result = await fx.clock.run(
      introspectToken({
        describe: (n) => {
          described.push(n);
          return describeIntrospectionRequest(opts);
        },
        onAttempt: (a) => attempts.push(a),
        random: () => 0.5,
      }),
    );
    expect(result).toEqual({ active: true, claims: { scope: 'a' } });
    expect(described).toEqual([1, 2]);
    // Each attempt names the HTTP status it got, the success too (it read "no response" before).
    expect(attempts.map((a) => [a.outcome, a.status, a.delayMs])).toEqual([['retry', 503, 2000], ['success', 200, undefined]]);
    const lines = fx.log.text().join('\n');
    expect(lines).toContain('active=true');
    expect(lines).not.toContain(TOKEN);
    expect(lines).not.toContain(SECRET);
  });

  it('does not retry unsupported_token_type and logs its code', async () => {
    let hits = 0;
    server.use(
      http.post(INTROSPECT, () => {
        hits++;
        return HttpResponse.json({ error: 'unsupported_token_type' }, { status: 400 });
      }),
    );
    await expect(fx.clock.run(introspectToken({ describe: () => describeIntrospectionRequest(opts) }))).rejects.toMatchObject({ error: 'unsupported_token_type' });
    expect(hits).toBe(1);
    expect(fx.log.text().join('\n')).toContain('code=unsupported_token_type http=400');
  });
});

describe('revokeToken', () => {
  it('reports done on 200', async () => {
    server.use(http.post(REVOKE, () => new HttpResponse(null, { status: 200 })));
    const result = await fx.clock.run(revokeToken({ describe: () => describeRevocationRequest({ ...opts, endpoint: REVOKE }) }));
    expect(result).toEqual({ revoked: true });
  });
});
