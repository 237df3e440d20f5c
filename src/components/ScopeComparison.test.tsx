// Requested vs granted scopes: differences highlighted both ways and explained.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ScopeComparison, diffScopes } from './ScopeComparison';

describe('diffScopes', () => {
  it('finds scopes requested but not granted, and granted but not requested', () => {
    expect(diffScopes(['a', 'b', 'c'], 'b c d')).toMatchObject({ notGranted: ['a'], notRequested: ['d'], grantedKnown: true });
  });

  it('treats a missing scope in the response as "granted as requested"', () => {
    expect(diffScopes(['a', 'b'], undefined)).toMatchObject({ granted: ['a', 'b'], notGranted: [], notRequested: [], grantedKnown: false });
  });
});

describe('ScopeComparison', () => {
  it('highlights differences and explains them', () => {
    render(<ScopeComparison requested={['p1:read:user', 'p1:update:device']} granted="p1:read:user openid" />);
    const requested = screen.getByRole('list', { name: 'Requested scopes' });
    const granted = screen.getByRole('list', { name: 'Granted scopes' });
    expect(within(requested).getByText('p1:update:device').closest('li')).toHaveTextContent('not granted');
    expect(within(requested).getByText('p1:read:user').closest('li')).not.toHaveTextContent('not granted');
    expect(within(granted).getByText('openid').closest('li')).toHaveTextContent('not requested');
    expect(screen.getByRole('heading', { name: 'Why are the granted scopes different?' })).toBeInTheDocument();
  });

  it('has no explanation when the sets match', () => {
    render(<ScopeComparison requested={['b', 'a']} granted="a b" />);
    expect(screen.queryByText('Why are the granted scopes different?')).not.toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/not granted|not requested/);
  });

  it('says when the server did not return scope', () => {
    render(<ScopeComparison requested={['a']} granted={undefined} />);
    expect(document.body.textContent).toMatch(/did not return/);
  });
});
