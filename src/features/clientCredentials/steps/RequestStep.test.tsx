// Step 2 (Request): everything shown comes from the one description, with credentials masked unless revealed.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { basicAuthorization, clientSecretBasic, clientSecretPost, type ClientAuth } from '../../../utils/oauth/clientAuth';
import { buildClientCredentialsBody } from '../../../utils/oauth/body';
import { describeClientCredentialsRequest } from '../../../utils/oauth/description';
import { DEFAULT_FLOW_FORM } from '../model/flowFormSchema';
import type { FlowForm } from '../model/flowTypes';
import { RequestStep, type RequestStepProps } from './RequestStep';

/** These requests are not DPoP-bound: the proof panel never asks for a key. */
const NO_DPOP = { binding: () => Promise.reject(new Error('no DPoP in these tests')) };

const SECRET = 's3cr3t-with/slash+plus=and more';
const ENDPOINT = 'https://as.example.com/env/as/token';
const form: FlowForm = { ...DEFAULT_FLOW_FORM, provider: 'custom', tokenEndpoint: ENDPOINT, clientId: 'client-1', scopes: ['read', 'write'] };

async function describeWith(auth: ClientAuth) {
  return describeClientCredentialsRequest({ tokenEndpoint: ENDPOINT, clientId: 'client-1', auth, params: buildClientCredentialsBody({ scope: ['read', 'write'] }) });
}

/** Renders step 2 and waits for the lazily loaded export generators (React 19 settles use() inside an awaited act). */
async function renderStep(props: Pick<RequestStepProps, 'description' | 'form'>) {
  await act(async () => {
    render(<RequestStep error={null} pending={false} onRefresh={() => undefined} dpop={NO_DPOP} {...props} />);
  });
}

const exportRegion = () => screen.getByRole('region', { name: 'Exported code' });

/** Chooses `label` in `Export as` and returns the code the `Exported code` region then shows. */
async function exportAs(label: string): Promise<string> {
  await userEvent.setup().selectOptions(within(exportRegion()).getByRole('combobox', { name: 'Export as' }), label);
  const figure = await within(exportRegion()).findByRole('figure', { name: new RegExp(`^${label} — `) });
  return within(figure).getByRole('code').textContent ?? '';
}

const PROGRAMS = ['Node', 'Python', 'Go', 'Java', 'C#', 'PowerShell'] as const;

/** A hand-made assertion: the step only decodes it (jose cannot sign with jsdom's Uint8Array). */
function handMadeAssertion(alg: string): string {
  const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, '');
  return `${b64({ alg, typ: 'JWT' })}.${b64({ iss: 'client-1', sub: 'client-1', aud: ENDPOINT, jti: 'j-1' })}.c2ln`;
}

describe('Request step', () => {
  it('masks the Authorization header and keeps the secret out of every export until revealed', async () => {
    const description = await describeWith(clientSecretBasic(SECRET));
    const basic = basicAuthorization('client-1', SECRET).slice('Basic '.length);
    await renderStep({ description, form: { ...form, authMethod: 'client_secret_basic' } });

    const headers = screen.getByRole('table', { name: 'Headers' });
    expect(within(headers).getByRole('row', { name: /Authorization/ })).toHaveTextContent('Basic ••••••');
    expect(document.body.textContent).not.toContain(basic);
    expect(within(exportRegion()).getAllByRole('option').map((o) => o.textContent)).toEqual(['cURL', 'fetch', ...PROGRAMS]);
    expect(await exportAs('cURL')).toContain('${BASIC_CREDENTIALS}');
    expect(await exportAs('cURL')).not.toContain(basic);
    expect(await exportAs('fetch')).not.toContain(basic);
    for (const program of PROGRAMS) {
      const code = await exportAs(program);
      expect(code, program).toContain('OAUTH_CLIENT_SECRET');
      expect(code, program).not.toContain(SECRET);
      expect(code, program).not.toContain(basic);
    }

    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'Reveal secrets in export' }));
    expect(await exportAs('cURL')).toContain(basic);
    // Revealing is for cURL and fetch: a program reads the secret from its environment whatever the box says.
    expect(await exportAs('Python')).not.toContain(SECRET);
    // The tables stay masked: revealing is for the export only.
    expect(within(headers).getByRole('row', { name: /Authorization/ })).toHaveTextContent('Basic ••••••');
  });

  it('masks client_secret in the body table and the exports', async () => {
    const description = await describeWith(clientSecretPost(SECRET));
    await renderStep({ description, form: { ...form, authMethod: 'client_secret_post' } });
    const body = screen.getByRole('table', { name: /Form body/ });
    expect(within(body).getByRole('row', { name: /client_secret/ })).toHaveTextContent('••••••');
    expect(within(body).getByRole('row', { name: /scope/ })).toHaveTextContent('read write');
    expect(document.body.textContent).not.toContain(SECRET);
    expect(document.body.textContent).not.toContain(encodeURIComponent(SECRET));
    expect(await exportAs('cURL')).toContain('--data-urlencode "client_secret=${CLIENT_SECRET}"');

    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'Reveal secrets in export' }));
    expect(await exportAs('fetch')).toContain(JSON.stringify(SECRET));
  });

  it('hands the programs the key file, alg, kid, assertion audience and refresh window of the form', async () => {
    const assertion = handMadeAssertion('RS256');
    const description = await describeWith((ctx) => {
      ctx.body.set('client_id', 'client-1');
      ctx.body.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      ctx.body.set('client_assertion', assertion);
    });
    const pkjwt = { ...form, authMethod: 'private_key_jwt' as const, signingAlg: 'PS256' as const, kid: 'key-7', issuer: 'https://as.example.com', proactiveRefreshSeconds: 45 };
    await renderStep({ description, form: { ...pkjwt, assertionAudience: 'issuer' } });

    const python = await exportAs('Python');
    expect(python).toContain('PRIVATE_KEY_FILE = "private-key.pem"');
    expect(python).toContain('SIGNING_ALG = "PS256"');
    expect(python).toContain('KEY_ID = "key-7"');
    expect(python).toContain('ASSERTION_AUDIENCE = "https://as.example.com"');
    expect(python).toContain('REFRESH_BEFORE_SECONDS = 45');
    // The preview's own assertion is never copied into a program: it signs a fresh one per request.
    expect(python).not.toContain(assertion);
  });

  it('falls back to the token endpoint as the assertion audience while the form names no mode', async () => {
    const description = await describeWith((ctx) => {
      ctx.body.set('client_id', 'client-1');
      ctx.body.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      ctx.body.set('client_assertion', handMadeAssertion('RS256'));
    });
    await renderStep({ description, form: { ...form, authMethod: 'private_key_jwt', issuer: 'https://as.example.com' } });
    expect(await exportAs('Python')).toContain(`ASSERTION_AUDIENCE = "${ENDPOINT}"`);
  });

  it('colours the URL and shows a template with the placeholder while step 1 is incomplete', () => {
    render(<RequestStep description={null} error={{ code: 'INVALID_INPUT', message: 'The environment ID must be a UUID.' }} pending={false} form={{ ...DEFAULT_FLOW_FORM, provider: 'pingone' }} onRefresh={() => undefined} dpop={NO_DPOP} />);
    const placeholder = screen.getByText('<environment-id>');
    expect(placeholder).toHaveAttribute('data-kind', 'placeholder');
    expect(screen.getByText(/The environment ID must be a UUID/)).toBeInTheDocument();
  });

  it('says that each attempt, retries included, signs a fresh assertion with a new jti', async () => {
    const description = await describeWith((ctx) => {
      ctx.body.set('client_assertion', handMadeAssertion('HS256'));
    });
    await renderStep({ description, form: { ...form, authMethod: 'client_secret_jwt' } });
    expect(document.body.textContent).toMatch(/each attempt \(every retry[^)]*\) signs a fresh assertion with a new jti/);
  });

  it('lints a pasted assertion', async () => {
    render(<RequestStep description={null} error={null} pending={false} form={form} onRefresh={() => undefined} dpop={NO_DPOP} />);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Paste an assertion to lint'));
    await user.paste('not-a-jwt');
    expect(screen.getByRole('list', { name: 'Pasted assertion checks' })).toHaveTextContent(/error/);
  });
});
