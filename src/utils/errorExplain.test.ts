// Pins the error card's explanations: one row per failure kind the token request can produce.
import { describe, expect, it } from 'vitest';
import { explainError, type ExplainableError } from './errorExplain';

const table: Array<[string, ExplainableError, string, RegExp, RegExp]> = [
  ['invalid_client', { code: 'OAUTH_ERROR', message: 'x', status: 401, error: 'invalid_client' }, 'invalid_client', /rejected the client credentials/, /jti|replay/],
  ['invalid_scope', { code: 'OAUTH_ERROR', message: 'x', status: 400, error: 'invalid_scope' }, 'invalid_scope', /scopes/, /p1:\*/],
  ['unauthorized_client', { code: 'OAUTH_ERROR', message: 'x', status: 400, error: 'unauthorized_client' }, 'unauthorized_client', /not allowed/, /grant type/],
  ['unsupported_grant_type', { code: 'OAUTH_ERROR', message: 'x', status: 400, error: 'unsupported_grant_type' }, 'unsupported_grant_type', /does not support/, /token endpoint URL/],
  ['invalid_request', { code: 'OAUTH_ERROR', message: 'x', status: 400, error: 'invalid_request' }, 'invalid_request', /malformed/, /sent twice/],
  ['unsupported_token_type', { code: 'OAUTH_ERROR', message: 'x', status: 400, error: 'unsupported_token_type' }, 'unsupported_token_type', /RFC 7009/, /JWT access token/],
  ['invalid_dpop_proof', { code: 'OAUTH_ERROR', message: 'x', status: 400, error: 'invalid_dpop_proof' }, 'invalid_dpop_proof', /DPoP proof/, /clock/],
  ['use_dpop_nonce (nonce loop)', { code: 'OAUTH_ERROR', message: 'x', status: 400, error: 'use_dpop_nonce' }, 'use_dpop_nonce', /one retry/, /DPoP-Nonce/],
  ['empty-body 403', { code: 'CLIENT_AUTH_REJECTED', message: 'x', status: 403 }, 'HTTP 403', /the server rejected the client credentials/i, /authentication method/],
  ['429', { code: 'HTTP_STATUS', message: 'x', status: 429 }, 'HTTP 429', /rate-limiting/, /Too many/],
  ['503', { code: 'HTTP_STATUS', message: 'x', status: 503 }, 'HTTP 503', /HTTP 503/, /overloaded/],
  ['NETWORK', { code: 'NETWORK', message: 'Failed to fetch' }, 'NETWORK', /could not reach/, /npm run sandbox/],
  ['TIMEOUT', { code: 'TIMEOUT', message: 'x' }, 'TIMEOUT', /in time/, /slow/],
  ['INVALID_RESPONSE', { code: 'INVALID_RESPONSE', message: 'x', status: 200 }, 'HTTP 200', /not with a valid token response/, /HTML page/],
];

describe('explainError', () => {
  it.each(table)('%s', (_name, error, label, summary, cause) => {
    const e = explainError(error);
    expect(e.heading).toBe('We hit an issue');
    expect(e.label).toBe(label);
    expect(e.summary).toMatch(summary);
    expect(e.likelyCauses.join('\n')).toMatch(cause);
    expect(e.fixHint.length).toBeGreaterThan(10);
  });

  it('falls back to the HTTP status for an unknown OAuth error', () => {
    const e = explainError({ code: 'OAUTH_ERROR', message: 'weird: x', status: 503, error: 'weird' });
    expect(e.label).toBe('weird');
    expect(e.summary).toMatch(/HTTP 503/);
  });

  it('falls back to the message for an unknown code without status', () => {
    const e = explainError({ code: 'STORAGE_ERROR', message: 'Storage is full.' });
    expect(e).toMatchObject({ label: 'STORAGE_ERROR', summary: 'Storage is full.' });
  });

  it('names the field for input errors', () => {
    expect(explainError({ code: 'INVALID_INPUT', message: 'Client ID is required.', field: 'clientId' }).likelyCauses[0]).toMatch(/clientId/);
  });
});
