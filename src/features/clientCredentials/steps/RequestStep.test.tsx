// Step 2 (Request): everything shown comes from the one description, with credentials masked unless revealed.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { basicAuthorization, clientSecretBasic, clientSecretPost, type ClientAuth } from '../../../utils/oauth/clientAuth';
import { buildClientCredentialsBody } from '../../../utils/oauth/body';
import { describeClientCredentialsRequest } from '../../../utils/oauth/description';
import { DEFAULT_FLOW_FORM } from '../model/flowFormSchema';
import type { FlowForm } from '../model/flowTypes';
import { RequestStep } from './RequestStep';

/** These requests are not DPoP-bound: the proof panel never asks for a key. */
const NO_DPOP = { binding: () => Promise.reject(new Error('no DPoP in these tests')) };

const SECRET = 's3cr3t-with/slash+plus=and more';
const ENDPOINT = 'https://as.example.com/env/as/token';
const form: FlowForm = { ...DEFAULT_FLOW_FORM, provider: 'custom', tokenEndpoint: ENDPOINT, clientId: 'client-1', scopes: ['read', 'write'] };

async function describeWith(auth: ClientAuth) {
  return describeClientCredentialsRequest({ tokenEndpoint: ENDPOINT, clientId: 'client-1', auth, params: buildClientCredentialsBody({ scope: ['read', 'write'] }) });
}

function codeOf(title: string): string {
  return within(screen.getByRole('figure', { name: title })).getByRole('code').textContent ?? '';
}

describe('Request step', () => {
  it('masks the Authorization header and keeps the secret out of the cURL and fetch exports until revealed', async () => {
    const description = await describeWith(clientSecretBasic(SECRET));
    const basic = basicAuthorization('client-1', SECRET).slice('Basic '.length);
    render(<RequestStep description={description} error={null} pending={false} form={{ ...form, authMethod: 'client_secret_basic' }} onRefresh={() => undefined} dpop={NO_DPOP} />);

    const headers = screen.getByRole('table', { name: 'Headers' });
    expect(within(headers).getByRole('row', { name: /Authorization/ })).toHaveTextContent('Basic ••••••');
    expect(document.body.textContent).not.toContain(basic);
    expect(codeOf('cURL')).toContain('${BASIC_CREDENTIALS}');
    expect(codeOf('cURL')).not.toContain(basic);
    expect(codeOf('fetch (JavaScript)')).not.toContain(basic);

    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'Reveal secrets in export' }));
    expect(codeOf('cURL')).toContain(basic);
    // The tables stay masked: revealing is for the export only.
    expect(within(headers).getByRole('row', { name: /Authorization/ })).toHaveTextContent('Basic ••••••');
  });

  it('masks client_secret in the body table and the exports', async () => {
    const description = await describeWith(clientSecretPost(SECRET));
    render(<RequestStep description={description} error={null} pending={false} form={{ ...form, authMethod: 'client_secret_post' }} onRefresh={() => undefined} dpop={NO_DPOP} />);
    const body = screen.getByRole('table', { name: /Form body/ });
    expect(within(body).getByRole('row', { name: /client_secret/ })).toHaveTextContent('••••••');
    expect(within(body).getByRole('row', { name: /scope/ })).toHaveTextContent('read write');
    expect(document.body.textContent).not.toContain(SECRET);
    expect(document.body.textContent).not.toContain(encodeURIComponent(SECRET));
    expect(codeOf('cURL')).toContain('--data-urlencode "client_secret=${CLIENT_SECRET}"');

    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'Reveal secrets in export' }));
    expect(codeOf('fetch (JavaScript)')).toContain(JSON.stringify(SECRET));
  });

  it('colours the URL and shows a template with the placeholder while step 1 is incomplete', () => {
    render(<RequestStep description={null} error={{ code: 'INVALID_INPUT', message: 'The environment ID must be a UUID.' }} pending={false} form={{ ...DEFAULT_FLOW_FORM, provider: 'pingone' }} onRefresh={() => undefined} dpop={NO_DPOP} />);
    const placeholder = screen.getByText('<environment-id>');
    expect(placeholder).toHaveAttribute('data-kind', 'placeholder');
    expect(screen.getByText(/The environment ID must be a UUID/)).toBeInTheDocument();
  });

  it('says that each attempt, retries included, signs a fresh assertion with a new jti', async () => {
    // A hand-made assertion: the panel only decodes it (jose cannot sign HS256 with jsdom's Uint8Array).
    const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, '');
    const jwt = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: 'client-1', sub: 'client-1', aud: ENDPOINT, jti: 'j-1' })}.c2ln`;
    const description = await describeWith((ctx) => {
      ctx.body.set('client_assertion', jwt);
    });
    render(<RequestStep description={description} error={null} pending={false} form={{ ...form, authMethod: 'client_secret_jwt' }} onRefresh={() => undefined} dpop={NO_DPOP} />);
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
