// The checks list and the history list: what passes and fails is said in words, history shows fingerprints only.
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../utils/storage';
import { createTokenHistory } from '../utils/tokenHistory';
import { TokenChecks } from './TokenChecks';
import { TokenHistoryList } from './TokenHistoryList';

describe('TokenChecks', () => {
  it('shows the claim checks at once and the signature as being verified, then its result', () => {
    const claims = [{ check: 'aud', ok: true, message: 'aud is https://api.' }];
    const { rerender } = render(<TokenChecks results={claims} signature={null} />);
    const region = screen.getByRole('region', { name: 'Token checks (RFC 9068)' });
    expect(region).toHaveAttribute('aria-busy', 'true');
    expect(region).toHaveTextContent('Verifying signature…');
    expect(region).toHaveTextContent('Passed: aud aud is https://api.');
    expect(region).not.toHaveTextContent('All checks passed.');

    rerender(<TokenChecks results={claims} signature={{ check: 'signature', ok: false, message: 'Signature does not verify.' }} />);
    expect(region).toHaveAttribute('aria-busy', 'false');
    expect(region).not.toHaveTextContent('Verifying signature…');
    expect(screen.getByText('1 of 2 checks failed.')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent('Failed: signature Signature does not verify.');
  });

  it('has no signature line for an opaque token', () => {
    render(<TokenChecks results={[{ check: 'format', ok: false, message: 'The access token is not a JWT (opaque).' }]} />);
    expect(screen.getByRole('region', { name: 'Token checks (RFC 9068)' })).toHaveAttribute('aria-busy', 'false');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('says which checks failed', () => {
    render(
      <TokenChecks
        signature={{ check: 'signature', ok: true, message: 'Signature verified.' }}
        results={[{ check: 'aud', ok: false, message: 'aud is https://other, not the requested https://api.' }]}
      />,
    );
    expect(screen.getByText('1 of 2 checks failed.')).toBeInTheDocument();
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Passed: signature Signature verified.');
    expect(items[1]).toHaveTextContent('Failed: aud aud is https://other');
  });
});

describe('TokenHistoryList', () => {
  it('shows fingerprints and updates when a token is added', () => {
    const history = createTokenHistory({ storage: createMemoryStorage() });
    render(<TokenHistoryList history={history} />);
    expect(screen.getByText(/No tokens requested/)).toBeInTheDocument();
    act(() => {
      history.add({ fingerprint: 'AbCdEfGh12345678', clientId: 'cc-basic', authMethod: 'private_key_jwt', scope: 'p1:read:user', expAt: 2, obtainedAt: 1, status: 'success' });
      history.add({ clientId: 'cc-basic', authMethod: 'client_secret_basic', obtainedAt: 3, status: 'error', errorCode: 'invalid_client' });
    });
    const items = within(screen.getByRole('region', { name: 'Token history' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('invalid_client');
    expect(items[1]).toHaveTextContent('AbCdEfGh12345678');
    expect(items[1]).toHaveTextContent('private_key_jwt');
  });
});
