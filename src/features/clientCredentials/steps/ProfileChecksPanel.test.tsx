// The `Profile checks` region: one line per requirement with clause, status in words, reason and link.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { profileChecks } from '../../../utils/oauth/profileChecks';
import { ProfileChecksPanel } from './ProfileChecksPanel';

describe('ProfileChecksPanel', () => {
  it('client_secret_basic: each unmet line says "not met", its clause and why; the summary counts them', () => {
    const checks = profileChecks({ authMethod: 'client_secret_basic', dpop: false, mtls: false, methodsInRequest: ['client_secret_basic'] });
    render(<ProfileChecksPanel checks={checks} />);
    const region = within(screen.getByRole('region', { name: 'Profile checks' }));
    const items = region.getAllByRole('listitem').filter((li) => li.closest('[aria-label="Profile requirements"]'));
    expect(items).toHaveLength(checks.length);
    const unmet = items.filter((li) => li.querySelector('strong')?.textContent === 'not met');
    expect(unmet.map((li) => li.textContent)).toEqual([
      expect.stringContaining('FAPI 2.0 Security Profile (final) 5.3.3.1'),
      expect.stringContaining('Neither DPoP nor a client certificate'),
      expect.stringContaining('client_secret_basic is optional'),
    ]);
    expect(region.getByRole('link', { name: 'OAuth 2.1 (draft-ietf-oauth-v2-1-16) 2.4.1' })).toHaveAttribute('href', 'https://datatracker.ietf.org/doc/draft-ietf-oauth-v2-1/');
    expect(region.getByText(/FAPI 2.0 Security Profile \(final\): .*2 not met/)).toBeInTheDocument();
  });

  it('private_key_jwt, ES256 P-256, DPoP, issuer audience: every FAPI line is met', () => {
    const checks = profileChecks({
      authMethod: 'private_key_jwt', dpop: true, mtls: false, assertionAudience: 'issuer', signingAlg: 'ES256', dpopAlg: 'ES256',
      signingKey: { kty: 'EC', bits: 256 }, dpopKey: { kty: 'EC', bits: 256 }, methodsInRequest: ['private_key_jwt'],
    });
    render(<ProfileChecksPanel checks={checks} />);
    const region = within(screen.getByRole('region', { name: 'Profile checks' }));
    expect(region.getByText(/FAPI 2.0 Security Profile \(final\): 6 met/)).toBeInTheDocument();
    expect(region.getByText('Each requirement (none not met)')).toBeInTheDocument();
  });
});
