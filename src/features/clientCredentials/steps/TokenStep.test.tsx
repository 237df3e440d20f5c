// Step 3: the success view (masked token, decoded region, checks against the JWKS, scopes) and the error view.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupTestEffects } from '../../../../tests/support/effects';
import { createMemoryStorage } from '../../../utils/storage';
import { createTokenHistory } from '../../../utils/tokenHistory';
import { DEFAULT_FLOW_FORM } from '../model/flowFormSchema';
import type { FlowForm, TokenRun } from '../model/flowTypes';
import { TokenStep } from './TokenStep';

const ISSUER = 'http://localhost:4500/env-1/as';
const AUD = 'https://api.pingone.com';
const form: FlowForm = {
  ...DEFAULT_FLOW_FORM,
  provider: 'sandbox', environmentId: 'env-1', region: 'NA', issuerOrDiscoveryUrl: ISSUER,
  tokenEndpoint: `${ISSUER}/token`, issuer: ISSUER, jwksUri: `${ISSUER}/jwks`, clientId: 'cc-basic',
  authMethod: 'client_secret_basic', keyRef: '', kid: '', signingAlg: 'ES256', scopes: ['p1:read:user', 'p1:update:device'],
  audience: '', resource: '', proactiveRefreshSeconds: 90, assertionLifetimeSeconds: 60, clockSkewSeconds: 120,
  viaRelay: false, dpop: false, mtlsCertRef: '', mtlsKeyRef: '', mtlsCaRef: '', mtlsTokenEndpoint: '',
  providerFields: {}, certificateHeader: 'x5t#S256',
};
const description = { url: `${ISSUER}/token`, method: 'POST' as const, headers: {}, body: 'grant_type=client_credentials' };

const { privateKey, publicKey } = await generateKeyPair('ES256');
const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] };
const nowS = Math.floor(Date.now() / 1000);
const TOKEN = await new SignJWT({ client_id: 'cc-basic', scope: 'p1:read:user' })
  .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
  .setIssuer(ISSUER).setSubject('cc-basic').setAudience(AUD).setJti('j1').setIssuedAt(nowS).setExpirationTime(nowS + 3600)
  .sign(privateKey);

const jwksFetch = vi.fn(async () => Response.json(jwks)) as unknown as typeof globalThis.fetch;
setupTestEffects(() => ({ fetch: jwksFetch }));

/** What the page hands every TokenStep besides the run: this tab's history and what bindings compare with. */
const tab = () => ({ history: createTokenHistory({ storage: () => createMemoryStorage() }), bindings: { dpopJkt: undefined, certificateThumbprint: undefined } });

afterEach(() => {
  vi.clearAllMocks();
});

const successRun: TokenRun = {
  status: 'success',
  attempts: [
    { attempt: 1, startedAt: 0, durationMs: 40, outcome: 'retry', status: 503, code: 'HTTP_STATUS', delayMs: 300 },
    { attempt: 2, startedAt: 400, durationMs: 35, outcome: 'success', status: 200 },
  ],
  fetchDurationMs: 380,
  requestedScopes: ['p1:read:user', 'p1:update:device'],
  response: { access_token: TOKEN, token_type: 'bearer', expires_in: 3600, scope: 'p1:read:user', extra: {} },
  record: { accessToken: TOKEN, tokenType: 'bearer', expiresIn: 3600, scope: 'p1:read:user', obtainedAt: Date.now(), expAt: Date.now() + 3_600_000 },
};

describe('TokenStep', () => {
  const idleRun: TokenRun = { status: 'idle', attempts: [], requestedScopes: [] };

  it('before any request, says the cache already holds this configuration\'s token (restored after a reload)', () => {
    const cached = { ...successRun.record!, obtainedAt: Date.UTC(2026, 11, 7, 9, 0, 0), expAt: Date.UTC(2026, 11, 7, 10, 0, 0) };
    render(<TokenStep run={idleRun} onGetToken={() => undefined} form={form} description={description} {...tab()} cachedToken={cached} />);
    const note = screen.getByText(/The cache holds this configuration's token/);
    expect(note).toHaveTextContent(new Date(cached.expAt).toLocaleTimeString());
    expect(note).toHaveTextContent('step 4 uses it');
    expect(screen.queryByText('Press Get token to send the request.')).toBeNull();
  });

  it('before any request and with nothing cached, asks for Get token', () => {
    render(<TokenStep run={idleRun} onGetToken={() => undefined} form={form} description={description} {...tab()} />);
    expect(screen.getByText('Press Get token to send the request.')).toBeInTheDocument();
  });

  it('an opaque token: the RFC 9068 checks say not applicable, nothing reads as failed or red', () => {
    const opaque = 'opaque-Zq2Lm9Xr7Tb4Wn8Kc1Vd';
    const run: TokenRun = {
      ...successRun,
      response: { access_token: opaque, token_type: 'bearer', expires_in: 3600, extra: {} },
      record: { ...successRun.record!, accessToken: opaque, scope: undefined },
    };
    const { container } = render(<TokenStep {...tab()} run={run} onGetToken={() => {}} form={form} description={description} />);
    const checks = screen.getByRole('region', { name: 'Token checks (RFC 9068)' });
    expect(checks).toHaveTextContent('Not applicable to this token.');
    expect(checks).toHaveTextContent('Not applicable: format');
    expect(checks).not.toHaveTextContent(/failed/i);
    expect(container.querySelector('.check-failed, .checks-failed')).toBeNull();
  });

  it('a token that came under a wrong Content-Type is shown with the warning, as text', () => {
    const warned: TokenRun = {
      ...successRun,
      record: { ...successRun.record!, warnings: [{ code: 'content-type', message: 'Content-Type text/html; charset=utf-7 is not application/json <b>x</b>' }] },
    };
    // Its own JWKS URI: the app's JWKS cache must not answer the next test's first fetch.
    const { container } = render(<TokenStep {...tab()} run={warned} onGetToken={() => {}} form={{ ...form, jwksUri: `${ISSUER}/warned-keys` }} description={description} />);
    expect(screen.getByRole('list', { name: 'Response warnings' })).toHaveTextContent('text/html; charset=utf-7 is not application/json <b>x</b>');
    expect(container.querySelector('b')).toBeNull();
  });

  it('while the request runs, Cancel is offered and cancels it', async () => {
    const onCancel = vi.fn();
    const running: TokenRun = { status: 'running', attempts: [], requestedScopes: [] };
    render(<TokenStep {...tab()} run={running} onGetToken={() => {}} onCancel={onCancel} form={form} description={description} />);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('on success shows the masked token, the decoded region, passing checks and the scope difference', async () => {
    render(<TokenStep {...tab()} run={successRun} onGetToken={() => {}} form={form} description={description} />);
    expect(screen.getByText('Token acquired!').closest('[role="status"]')).not.toBeNull();
    expect(document.body.textContent).toMatch(/Expires in (59:5\d|1:00:00)/);
    expect(document.body.textContent).not.toContain(TOKEN);
    expect(screen.getByRole('region', { name: 'Decoded access token' })).toHaveTextContent('"client_id": "cc-basic"');
    expect(await screen.findByText('All checks passed.')).toBeInTheDocument();
    expect(jwksFetch).toHaveBeenCalledWith(`${ISSUER}/jwks`, expect.anything());
    expect(screen.getByRole('heading', { name: 'Why are the granted scopes different?' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Attempts' })).getAllByRole('listitem')).toHaveLength(2);
    expect(document.querySelector('.token-run-summary')).toHaveTextContent('HTTP 200 · 380 ms · 2 attempts');
    expect(document.body.textContent).toContain('1h 0m 0s (3600 seconds)');
    // The raw response is shown with the token masked.
    expect(screen.getByLabelText('Token response')).toHaveTextContent(`"access_token": "${TOKEN.slice(0, 10)}…${TOKEN.slice(-10)}"`);
  });

  it('puts a new token on screen in a commit of its own; its checks, scopes and raw response follow in the next (issue 24)', async () => {
    // What each commit put on screen, read as React commits it.
    const commits: Array<{ decoded: boolean; details: boolean }> = [];
    const onRender = () => commits.push({
      decoded: screen.queryByRole('region', { name: 'Decoded access token' }) !== null,
      details: screen.queryByRole('region', { name: 'Token checks (RFC 9068)' }) !== null || screen.queryByLabelText('Token response') !== null,
    });
    const view = (run: TokenRun) => (
      <Profiler id="token-step" onRender={onRender}>
        <TokenStep {...tab()} run={run} onGetToken={() => {}} form={form} description={description} />
      </Profiler>
    );
    const { rerender } = render(view(successRun));
    expect(await screen.findByText('All checks passed.')).toBeInTheDocument();
    expect(commits[0]).toEqual({ decoded: true, details: false });
    // The next token (after a run): the same two steps, and nothing of the old token's checks in between.
    rerender(view({ status: 'running', attempts: [], requestedScopes: successRun.requestedScopes }));
    commits.length = 0;
    const next = { ...successRun, record: { ...successRun.record!, obtainedAt: successRun.record!.obtainedAt + 1 } };
    rerender(view(next));
    expect(commits[0]).toEqual({ decoded: true, details: false });
    expect(await screen.findByText('All checks passed.')).toBeInTheDocument();
    expect(screen.getByLabelText('Token response')).toBeInTheDocument();
  });

  it('reveals the token and its three coloured parts together', async () => {
    const user = userEvent.setup();
    render(<TokenStep {...tab()} run={successRun} onGetToken={() => {}} form={form} description={description} />);
    await user.click(screen.getByRole('button', { name: 'Reveal access token' }));
    expect(document.body.textContent).toContain(TOKEN);
    const parts = screen.getByLabelText('Token parts');
    expect(parts.querySelector('.jwt-part-signature')?.textContent).toBe(TOKEN.split('.')[2]);
    await screen.findByText('All checks passed.');
  });

  it('flags a token for another client', async () => {
    render(<TokenStep {...tab()} run={successRun} onGetToken={() => {}} form={{ ...form, clientId: 'other' }} description={description} />);
    expect(await screen.findByText(/^1 of \d+ checks failed\.$/)).toBeInTheDocument();
    expect(screen.getByText(/client_id is cc-basic, not other/)).toBeInTheDocument();
  });

  it('shows the token while its signature is being verified, then the result; a second token reuses the JWKS', async () => {
    // Another JWKS URI than the other tests use, so this key set is not in the app's cache yet.
    const other = { ...form, jwksUri: `${ISSUER}/keys` };
    let answer: (response: Response) => void = () => undefined;
    vi.mocked(jwksFetch).mockImplementationOnce(() => new Promise<Response>((resolve) => (answer = resolve)));
    const { rerender } = render(<TokenStep {...tab()} run={successRun} onGetToken={() => {}} form={other} description={description} />);
    const checks = screen.getByRole('region', { name: 'Token checks (RFC 9068)' });
    expect(screen.getByRole('region', { name: 'Decoded access token' })).toHaveTextContent('"client_id": "cc-basic"');
    expect(checks).toHaveAttribute('aria-busy', 'true');
    expect(checks).toHaveTextContent('Verifying signature…');
    expect(checks).toHaveTextContent('Passed: client_id');
    answer(Response.json(jwks));
    expect(await within(checks).findByText('All checks passed.')).toBeInTheDocument();
    expect(checks).toHaveAttribute('aria-busy', 'false');

    const SECOND = await new SignJWT({ client_id: 'cc-basic', scope: 'p1:read:user' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
      .setIssuer(ISSUER).setSubject('cc-basic').setAudience(AUD).setJti('j2').setIssuedAt(nowS).setExpirationTime(nowS + 3600)
      .sign(privateKey);
    const secondRun: TokenRun = { ...successRun, response: { ...successRun.response!, access_token: SECOND }, record: { ...successRun.record!, accessToken: SECOND } };
    rerender(<TokenStep {...tab()} run={secondRun} onGetToken={() => {}} form={other} description={description} />);
    expect(await screen.findByText('All checks passed.')).toBeInTheDocument();
    expect(jwksFetch).toHaveBeenCalledTimes(1);
  });

  it('on error shows the alert with the OAuth code and the description as text, and can try again', async () => {
    const user = userEvent.setup();
    const onGetToken = vi.fn();
    const run: TokenRun = {
      status: 'error',
      attempts: [{ attempt: 1, startedAt: 0, durationMs: 20, outcome: 'failed', status: 401, code: 'OAUTH_ERROR' }],
      requestedScopes: [],
      error: { code: 'OAUTH_ERROR', message: 'invalid_client', status: 401, error: 'invalid_client', error_description: '<img src=x onerror=alert(1)>' },
    };
    const { container } = render(<TokenStep {...tab()} run={run} onGetToken={onGetToken} form={form} description={description} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('invalid_client');
    expect(alert).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onGetToken).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('region', { name: 'Decoded access token' })).not.toBeInTheDocument();
  });

  it('a refused assertion: the alert offers the suggested audience as one button, which retries with it', async () => {
    const onTry = vi.fn();
    const run: TokenRun = {
      status: 'error', attempts: [], requestedScopes: [], assertionAudience: 'token_endpoint',
      error: { code: 'OAUTH_ERROR', message: 'invalid_client', status: 401, error: 'invalid_client' },
    };
    const suggestion = { mode: 'issuer' as const, label: 'Try the issuer as audience (RFC 7523bis)', reason: 'The token endpoint refused it.' };
    render(<TokenStep {...tab()} run={run} onGetToken={vi.fn()} form={form} description={description} audienceRetry={{ suggestion, onTry }} />);
    const alert = within(screen.getByRole('alert'));
    await userEvent.click(alert.getByRole('button', { name: /audience/ }));
    expect(onTry).toHaveBeenCalledTimes(1);
    expect(alert.getAllByRole('button', { name: /audience/ })).toHaveLength(1);
  });
});
