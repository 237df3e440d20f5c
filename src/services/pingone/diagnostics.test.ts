// diagnoseForbidden and describeWorkerTokenFailure: pure functions, pinned field by field.
import { describe, expect, it } from 'vitest';
import {
  PINGONE_403_HINT,
  PINGONE_OPTIONAL_SCOPES,
  PINGONE_ROLES_TRUTH,
  PINGONE_TOKEN_FAILURE_MESSAGE,
  requiredScopesFor,
  workerScopeString,
} from '../../config/pingone';
import { OAuthResponseError, TokenEndpointError } from '../../utils/errors';
import { BODY_SNIPPET_CHARS } from '../../utils/mask';
import { describeWorkerTokenFailure, diagnoseForbidden } from './diagnostics';

const URL_BASE = 'https://api.pingone.com/v1/environments/3f2b0c1e-6c0d-4e4b-9a57-1c2d3e4f5a6b/users/u1';
const FORBIDDEN_BODY = JSON.stringify({
  id: '0d1f4c83-8c2e-4d1a-9e0b-8b8f1d1e0a01',
  code: 'ACCESS_FAILED',
  message: 'The request could not be completed. You do not have access to this resource.',
  details: [{ code: 'INSUFFICIENT_PERMISSIONS', message: 'No access' }],
});

describe('diagnoseForbidden', () => {
  it('reports endpoint, method, status, snippet, PingOne code and details, hint and roles truth', () => {
    const d = diagnoseForbidden({
      method: 'delete',
      endpoint: `${URL_BASE}/devices/d1`,
      status: 403,
      bodyText: FORBIDDEN_BODY,
      body: JSON.parse(FORBIDDEN_BODY),
    });
    expect(d).toMatchObject({
      endpoint: `${URL_BASE}/devices/d1`,
      method: 'DELETE',
      status: 403,
      bodySnippet: FORBIDDEN_BODY,
      pingoneCode: 'ACCESS_FAILED',
      details: [{ code: 'INSUFFICIENT_PERMISSIONS', message: 'No access' }],
      hint: PINGONE_403_HINT,
      rolesTruth: PINGONE_ROLES_TRUTH,
      requiredScopes: requiredScopesFor('DELETE', `${URL_BASE}/devices/d1`),
    });
    expect(d.requiredScopes).toHaveLength(1);
    // Without the token's scope claim nothing can be said about what is missing.
    expect(d.missingScopes).toBeUndefined();
    expect(d.tokenHadRequiredScope).toBeUndefined();
  });

  it('names the missing scope when the token lacked it, and none when it had one of the alternatives', () => {
    const endpoint = `${URL_BASE}/mfaEnabled`;
    const alternatives = requiredScopesFor('PUT', endpoint);
    expect(alternatives.length).toBe(2);
    const missing = diagnoseForbidden({ method: 'PUT', endpoint, status: 403, bodyText: '', grantedScopes: 'openid' });
    expect(missing.missingScopes).toEqual(alternatives);
    expect(missing.tokenHadRequiredScope).toBe(false);
    const had = diagnoseForbidden({
      method: 'PUT',
      endpoint,
      status: 403,
      bodyText: '',
      grantedScopes: [alternatives[1] as string],
    });
    expect(had.missingScopes).toEqual([]);
    expect(had.tokenHadRequiredScope).toBe(true);
  });

  it('tells a reorder (update) from a create on POST …/devices by content type', () => {
    const endpoint = `${URL_BASE}/devices`;
    const create = diagnoseForbidden({ method: 'POST', endpoint, status: 403, bodyText: '' });
    const reorder = diagnoseForbidden({
      method: 'POST',
      endpoint,
      status: 403,
      bodyText: '',
      contentType: 'application/vnd.pingidentity.devices.reorder+json',
    });
    expect(create.requiredScopes).not.toEqual(reorder.requiredScopes);
    expect(reorder.requiredScopes).toEqual(requiredScopesFor('PUT', `${endpoint}/d1/nickname`));
  });

  it('cuts the snippet to 500 characters and masks personal data and secrets in it', () => {
    const body = JSON.stringify({ message: 'x'.repeat(600), phone: '+14135550150', otp: '123456' });
    const short = diagnoseForbidden({ method: 'GET', endpoint: URL_BASE, status: 403, bodyText: body });
    expect(short.bodySnippet.length).toBe(BODY_SNIPPET_CHARS);
    const masked = diagnoseForbidden({
      method: 'GET',
      endpoint: URL_BASE,
      status: 403,
      bodyText: '{"phone":"+14135550150","otp":"123456","email":"grace@example.com"}',
    });
    expect(masked.bodySnippet).not.toMatch(/4135550150|123456|grace@/);
  });

  it('leaves requiredScopes empty for an endpoint the catalog does not know', () => {
    const d = diagnoseForbidden({ method: 'GET', endpoint: 'https://api.pingone.com/v1/environments/e/applications', status: 403, bodyText: '', grantedScopes: '' });
    expect(d.requiredScopes).toEqual([]);
    expect(d.missingScopes).toBeUndefined();
  });
});

describe('describeWorkerTokenFailure', () => {
  const scope = workerScopeString(PINGONE_OPTIONAL_SCOPES[0]);

  it('reports the message, status, OAuth error body and the requested scope string', () => {
    const error = new OAuthResponseError({ error: 'invalid_scope', error_description: 'scope not allowed' }, 400);
    expect(describeWorkerTokenFailure(error, scope)).toEqual({
      message: PINGONE_TOKEN_FAILURE_MESSAGE,
      status: 400,
      code: 'OAUTH_ERROR',
      body: '{"error":"invalid_scope","error_description":"scope not allowed"}',
      scope,
    });
  });

  it('uses a body snippet when there is no OAuth body, masking secrets in it', () => {
    const error = new TokenEndpointError('CLIENT_AUTH_REJECTED', 'rejected', {
      status: 403,
      bodySnippet: '{"client_secret":"s3cr3t-value","access_token":"eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.abc"}',
    });
    const record = describeWorkerTokenFailure(error, scope);
    expect(record).toMatchObject({ status: 403, code: 'CLIENT_AUTH_REJECTED', scope });
    expect(record.body).not.toContain('s3cr3t-value');
    expect(record.body).not.toContain('eyJhIjoxfQ');
  });

  it('copes with non-errors', () => {
    expect(describeWorkerTokenFailure('boom', scope)).toEqual({ message: PINGONE_TOKEN_FAILURE_MESSAGE, scope });
  });
});
