// The diagram's model: which lifelines take part, the text alternative's wording and order, the colour, the fold.
import { describe, expect, it } from 'vitest';
import { describeExchange, foldOldest, lifelinesFor, resultText, shortLabel, statusTone, toneOf, type SequenceExchange } from './sequenceModel';
import { diagramHeight, layoutRow, lifelineX } from './sequenceLayout';

const ms = (n: number) => `${n} ms`;
const token = (over: Partial<SequenceExchange> = {}): SequenceExchange => ({
  id: 't1', to: 'token', label: 'POST /as/token client_secret_basic', status: 200, ...over,
});

describe('lifelinesFor', () => {
  it('draws the playground, the token endpoint and the API, named for the API in use', () => {
    expect(lifelinesFor([token()], 'PingOne API').map((l) => l.label)).toEqual(['Playground', 'Token endpoint', 'PingOne API']);
  });

  it('adds the relay and the discovery document only when an exchange involves them', () => {
    const ids = lifelinesFor([{ ...token(), viaRelay: true }, { id: 'd', to: 'discovery', label: 'GET /.well-known/openid-configuration', status: 200 }], 'microauthd').map((l) => l.id);
    expect(ids).toEqual(['playground', 'relay', 'discovery', 'token', 'api']);
  });
});

describe('statusTone', () => {
  it.each([
    [200, 'ok'], [204, 'ok'], [302, 'ok'], [400, 'error'], [403, 'error'], [503, 'error'], [0, 'none'], [undefined, 'pending'],
  ] as const)('%s → %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });
});

describe('describeExchange', () => {
  const lifelines = lifelinesFor([], 'PingOne API');

  it('names the route, the label and the status', () => {
    expect(describeExchange(token(), lifelines, ms)).toBe('Playground → Token endpoint: POST /as/token client_secret_basic — HTTP 200');
  });

  it('says the attempt, the wait and whether it was the server’s Retry-After', () => {
    const line = describeExchange(token({ status: 503, attempt: 2, waitMs: 1000, retryAfter: true }), lifelines, ms);
    expect(line).toBe('Playground → Token endpoint: POST /as/token client_secret_basic — HTTP 503, attempt 2, waited 1000 ms (Retry-After)');
    expect(describeExchange(token({ status: 502, waitMs: 250 }), lifelines, ms)).toContain('waited 250 ms (backoff)');
  });

  it('marks a 403 with its hint and a route through the relay', () => {
    const line = describeExchange({ id: 'a', to: 'api', viaRelay: true, label: 'GET /users/u1/devices', status: 403, hint: 'needs p1:read:device' }, lifelines, ms);
    expect(line).toBe('Playground → Local relay → PingOne API: GET /users/u1/devices — HTTP 403, hint: needs p1:read:device');
  });

  it('tells no response and in flight apart', () => {
    expect(resultText({ status: 0, errorCode: 'NETWORK' })).toBe('no response (NETWORK)');
    expect(resultText({ status: undefined })).toBe('waiting for the answer');
    expect(resultText({ status: 401, errorCode: 'invalid_client' })).toBe('HTTP 401 invalid_client');
    expect(resultText({ failed: true, errorCode: 'TIMEOUT' })).toBe('failed (TIMEOUT)');
    expect(toneOf({ failed: true })).toBe('error');
  });
});

describe('foldOldest', () => {
  it('keeps the newest rows, oldest first, and counts the folded ones', () => {
    const list = Array.from({ length: 200 }, (_, i) => i);
    const { earlier, shown } = foldOldest(list, 24);
    expect(earlier).toBe(176);
    expect(shown).toEqual(list.slice(176));
  });

  it('folds nothing when everything fits', () => {
    expect(foldOldest([1, 2], 24)).toEqual({ earlier: 0, shown: [1, 2] });
  });
});

describe('layoutRow', () => {
  const lifelines = lifelinesFor([{ ...token(), viaRelay: true }], 'PingOne API');

  it('runs from the playground through the relay to the target, rows one below the other', () => {
    const first = layoutRow({ ...token(), viaRelay: true }, 0, lifelines, false);
    const second = layoutRow({ id: 'a', to: 'api', label: 'GET', status: 200 }, 1, lifelines, false);
    expect(first).toMatchObject({ x1: lifelineX(0), xVia: lifelineX(1), x2: lifelineX(2) });
    expect(second.x2).toBe(lifelineX(3));
    expect(second.yRequest).toBeGreaterThan(first.yAnswer);
    expect(diagramHeight(2, true)).toBeGreaterThan(diagramHeight(2, false));
  });
});

describe('shortLabel', () => {
  it('replaces id segments and cuts the middle of what is still too long', () => {
    expect(shortLabel('POST /6a1c2e4d-8b3f-4c5a-9e7d-1f2b3c4d5e6f/as/token client_secret_basic')).toBe('POST /…/as/token client_secret_basic');
    expect(shortLabel('GET /v1/environments/6a1c2e4d-8b3f-4c5a-9e7d-1f2b3c4d5e6f/users/7d3c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c01/devices')).toBe('GET /v1/environments/…/users/…/devices');
    const long = shortLabel(`POST /${'x'.repeat(80)}/token`);
    expect(long).toHaveLength(44);
    expect(long).toMatch(/^POST \/x+…x+\/token$/);
  });
});
