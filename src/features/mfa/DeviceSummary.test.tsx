// The device-list summary: one row per device with masked contacts, and the full JSON only on request, masked.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DeviceSummary } from './DeviceSummary';
import { deviceSummaryRows } from './DeviceSummaryRows';

const body = JSON.stringify({
  _links: { self: { href: 'http://localhost:4500/v1/environments/env/users/u1/devices' } },
  _embedded: {
    devices: [
      { id: 'd1', type: 'SMS', status: 'ACTIVE', nickname: 'Work phone', phone: '+14135550150' },
      { id: 'd2', type: 'EMAIL', status: 'ACTIVATION_REQUIRED', email: 'jane.doe@example.com' },
      { id: 'd3', type: 'TOTP', status: 'ACTIVE', nickname: '<img src=x onerror=alert(1)>', secret: 'JBSWY3DPEHPK3PXP' },
    ],
  },
  size: 3,
});

describe('deviceSummaryRows', () => {
  it('reads PingOne’s _embedded.devices and masks phone and email', () => {
    expect(deviceSummaryRows(body)).toEqual([
      { id: 'd1', type: 'SMS', status: 'ACTIVE', nickname: 'Work phone', contact: '+1•••••0150' },
      { id: 'd2', type: 'EMAIL', status: 'ACTIVATION_REQUIRED', nickname: '', contact: 'j•••@example.com' },
      { id: 'd3', type: 'TOTP', status: 'ACTIVE', nickname: '<img src=x onerror=alert(1)>', contact: '' },
    ]);
  });

  it('is undefined for a cut-off snippet or another kind of answer', () => {
    expect(deviceSummaryRows(body.slice(0, 80))).toBeUndefined();
    expect(deviceSummaryRows('{"id":"u1","username":"jane"}')).toBeUndefined();
  });
});

describe('DeviceSummary', () => {
  it('shows one row per device, the contact masked, the full response folded', async () => {
    render(<DeviceSummary rows={deviceSummaryRows(body) ?? []} body={body} />);
    const table = screen.getByRole('table', { name: '3 devices' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['SMS', 'ACTIVE', 'Work phone', '+1•••••0150'],
      ['EMAIL', 'ACTIVATION_REQUIRED', '—', 'j•••@example.com'],
      ['TOTP', 'ACTIVE', '<img src=x onerror=alert(1)>', '—'],
    ]);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Full response' })).toBeNull();
    expect(document.body.textContent).not.toMatch(/4135550150|jane\.doe|JBSWY3DP/);

    await userEvent.click(screen.getByRole('button', { name: 'Show full response' }));
    const full = screen.getByRole('group', { name: 'Full response' });
    expect(full.textContent).toContain('"_embedded"');
    expect(full.textContent).not.toMatch(/4135550150|jane\.doe|JBSWY3DP/);
    expect(screen.getByRole('button', { name: 'Hide full response' })).toHaveAttribute('aria-expanded', 'true');
  });
});
