// Step 2's decoded assertion: `aud` and `typ` as sent, and the audience-injection explanation with its link.
import { render, screen, within } from '@testing-library/react';
import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { RFC7523BIS_URL } from '../../../utils/oauth/assertionLint';
import { AssertionPanel } from './AssertionPanel';

const ISSUER = 'https://as.example.com';
const TOKEN_ENDPOINT = `${ISSUER}/oauth2/token`;
const { privateKey } = await generateKeyPair('ES256');

async function assertion(aud: string, typ?: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'k1', ...(typ ? { typ } : {}) })
    .setIssuer('client-1').setSubject('client-1').setAudience(aud).setJti(crypto.randomUUID()).setIssuedAt(now).setExpirationTime(now + 60)
    .sign(privateKey);
}

const context = { clientId: 'client-1', issuer: ISSUER, tokenEndpoint: TOKEN_ENDPOINT, endpoint: TOKEN_ENDPOINT, method: 'private_key_jwt' as const };

describe('AssertionPanel', () => {
  it('shows aud and typ as sent, and explains audience injection with the RFC 7523bis link', async () => {
    render(<AssertionPanel assertion={await assertion(TOKEN_ENDPOINT, 'JWT')} context={{ ...context, audienceMode: 'token_endpoint' }} />);
    const panel = within(screen.getByRole('region', { name: /Client assertion/ }));
    expect(panel.getAllByText('sent', { exact: false, selector: 'dt' }).map((dt) => dt.textContent)).toEqual(['aud sent', 'typ sent']);
    const sent = [...document.querySelectorAll('.cc-assertion-audience__sent dd')].map((dd) => dd.textContent);
    expect(sent).toEqual([TOKEN_ENDPOINT, 'JWT']);
    expect(panel.getByText(/Audience injection: .* This server is set to the token endpoint \(RFC 7523\)/)).toBeInTheDocument();
    expect(panel.getByRole('link', { name: 'RFC 7523bis' })).toHaveAttribute('href', RFC7523BIS_URL);
  });

  it('an untyped assertion says typ was not sent; the issuer mode names the issuer', async () => {
    render(<AssertionPanel assertion={await assertion(ISSUER)} context={{ ...context, audienceMode: 'issuer' }} />);
    const sent = [...document.querySelectorAll('.cc-assertion-audience__sent dd')].map((dd) => dd.textContent);
    expect(sent).toEqual([ISSUER, '(not sent)']);
    expect(screen.getByText(new RegExp(`set to the issuer \\(RFC 7523bis\\): "aud" must be "${ISSUER}"`))).toBeInTheDocument();
  });
});
