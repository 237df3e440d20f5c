// The scope advisor: minimal set for the ticked capabilities, and warnings for missing and over-privileged scopes.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MICROAUTHD_SCOPE_CATALOG } from '../config/microauthd';
import { PINGONE_ROLES_TRUTH, PINGONE_SCOPE_CATALOG, PINGONE_WORKER_SCOPES } from '../config/pingone';
import { ScopeAdvisor, capabilitiesOf } from './ScopeAdvisor';

const scopesFor = (capability: string) => PINGONE_SCOPE_CATALOG.filter((e) => e.capability === capability).map((e) => e.name);
const DEVICE_SCOPES = scopesFor('manage devices');
const READ_USER = scopesFor('read users');
const items = (name: string) => within(screen.getByRole('list', { name })).getAllByRole('listitem').map((li) => li.textContent);

describe('capabilitiesOf', () => {
  it('lists each capability once, in catalog order, with readable labels', () => {
    expect(capabilitiesOf(PINGONE_SCOPE_CATALOG).map((c) => c.label)).toEqual([
      'Read users',
      'Toggle mfaEnabled',
      'Manage devices',
      'Pairing keys',
    ]);
    expect(capabilitiesOf(MICROAUTHD_SCOPE_CATALOG)[0]?.label).toBe('Allows a service to create new user accounts');
  });
});

describe('ScopeAdvisor', () => {
  it('gives the minimal set for what is ticked and flags the configured extras as over-privileged', async () => {
    const user = userEvent.setup();
    render(<ScopeAdvisor catalog={PINGONE_SCOPE_CATALOG} defaultWanted={['manage devices']} configured={PINGONE_WORKER_SCOPES} modelNote={PINGONE_ROLES_TRUTH} />);
    expect(screen.getByRole('checkbox', { name: 'Manage devices' })).toBeChecked();
    expect(items('Minimal scopes')).toEqual(DEVICE_SCOPES);
    const over = items('Over-privileged scopes');
    expect(over).toContain(READ_USER[0]);
    expect(over).not.toContain(DEVICE_SCOPES[0]);
    expect(screen.queryByRole('list', { name: 'Missing scopes' })).not.toBeInTheDocument();
    expect(screen.queryByText(PINGONE_ROLES_TRUTH)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'How this provider decides' }));
    expect(screen.getByText(PINGONE_ROLES_TRUTH)).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Read users' }));
    expect(items('Minimal scopes')).toEqual([...READ_USER, ...DEVICE_SCOPES]);
    expect(items('Over-privileged scopes')).not.toContain(READ_USER[0]);
  });

  it('warns about minimal scopes the token was not granted, and praises an exact match', () => {
    const granted = DEVICE_SCOPES.slice(0, -1).join(' ');
    const { unmount } = render(<ScopeAdvisor catalog={PINGONE_SCOPE_CATALOG} defaultWanted={['manage devices']} granted={granted} />);
    expect(screen.getByText('Missing from the granted scopes')).toBeInTheDocument();
    expect(items('Missing scopes')).toEqual([DEVICE_SCOPES.at(-1)]);
    expect(items('Scopes the token carries')).toEqual(DEVICE_SCOPES.slice(0, -1));
    unmount();

    render(<ScopeAdvisor catalog={PINGONE_SCOPE_CATALOG} defaultWanted={['manage devices']} granted={DEVICE_SCOPES} />);
    expect(screen.getByText('Exactly what is needed')).toBeInTheDocument();
    expect(screen.queryByText(/over-privileged/)).not.toBeInTheDocument();
  });

  it('is provider-agnostic: microauthd scopes granted as UUIDs count as held', () => {
    const list = MICROAUTHD_SCOPE_CATALOG.find((e) => e.capability === 'users.list');
    const reset = MICROAUTHD_SCOPE_CATALOG.find((e) => e.capability === 'users.resetPassword');
    render(
      <ScopeAdvisor
        catalog={MICROAUTHD_SCOPE_CATALOG}
        defaultWanted={['users.list']}
        granted={`${list?.id ?? ''} ${reset?.name ?? ''} custom:thing`}
      />,
    );
    expect(items('Minimal scopes')).toEqual([list?.name]);
    expect(screen.queryByRole('list', { name: 'Missing scopes' })).not.toBeInTheDocument();
    expect(items('Over-privileged scopes')).toEqual([reset?.name]);
    expect(items('Unknown scopes')).toEqual(['custom:thing']);
  });
});
