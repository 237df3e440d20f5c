// The MFA device console against an msw PingOne: masked contacts, the device lifecycle, field errors, 400 and 403.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { setupMswServer } from '../../../tests/support/msw';
import { PINGONE_403_HINT, PINGONE_ROLES_TRUTH, PINGONE_WORKER_SCOPES } from '../../config/pingone';
import { fakeAccessToken } from '../../../tests/support/pingoneTestSupport';
import { MfaDeviceConsole } from './MfaDeviceConsole';

const API = 'http://localhost:4500/v1';
const ENV = '3f2b0c1e-6c0d-4e4b-9a57-1c2d3e4f5a6b';
const USER = '11111111-2222-4333-8444-555555555555';
const SANDBOX = 'http://localhost:4500';
const BASE = `${API}/environments/${ENV}`;
const RAW_PHONE = '+14135550150';
const RAW_EMAIL = 'jane.doe@example.com';

interface Seen {
  method: string;
  path: string;
  contentType: string | null;
  body: unknown;
}

const server = setupMswServer();
const seen: Seen[] = [];
afterEach(() => {
  seen.length = 0;
});

/** A small stateful PingOne: devices per user, PingOne's JSON shapes, an OTP of 246810 for every activation. */
function fakePingOne(initial: Array<Record<string, unknown>> = []) {
  const devices = new Map<string, Record<string, unknown>>(initial.map((d) => [d.id as string, d]));
  let next = 1;
  const deviceJson = (d: Record<string, unknown>) => ({
    _links: { self: { href: `${BASE}/users/${USER}/devices/${d.id as string}` } },
    environment: { id: ENV },
    user: { id: USER },
    lock: { status: 'UNLOCKED' },
    ...d,
  });
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      const text = await request.text();
      const path = new URL(request.url).pathname.replace(`/v1/environments/${ENV}`, '');
      const s: Seen = { method: request.method, path, contentType: request.headers.get('content-type'), body: text ? JSON.parse(text) : undefined };
      seen.push(s);
      const body = s.body as Record<string, unknown> | undefined;
      const m = /^\/users\/[^/]+\/devices(?:\/([^/]+))?(\/nickname)?$/.exec(path);
      if (path === '/users') return HttpResponse.json({ _embedded: { users: [{ id: USER, username: 'jane' }] } });
      if (!m) return HttpResponse.json({ code: 'NOT_FOUND', message: 'nope' }, { status: 404 });
      const [, id, nickname] = m;
      if (!id && s.method === 'GET') return HttpResponse.json({ _embedded: { devices: [...devices.values()].map(deviceJson) } });
      if (!id && s.method === 'POST') {
        const created = { id: `aaaaaaaa-bbbb-4ccc-8ddd-00000000000${next++}`, status: 'ACTIVE', ...body };
        devices.set(created.id, created);
        return HttpResponse.json(deviceJson(created), { status: 201 });
      }
      const device = devices.get(id as string);
      if (!device) return HttpResponse.json({ code: 'NOT_FOUND', message: 'No device' }, { status: 404 });
      if (s.method === 'POST' && s.contentType?.includes('device.activate')) {
        if (body?.otp !== '246810') {
          return HttpResponse.json(
            { id: 'e1', code: 'INVALID_DATA', message: 'Validation failed', details: [{ code: 'INVALID_OTP', target: 'otp', message: 'The OTP is not valid.' }] },
            { status: 400 },
          );
        }
        device.status = 'ACTIVE';
        return HttpResponse.json(deviceJson(device));
      }
      if (s.method === 'PUT' && nickname) {
        device.nickname = body?.nickname;
        return HttpResponse.json(deviceJson(device));
      }
      if (s.method === 'DELETE') {
        devices.delete(id as string);
        return new HttpResponse(null, { status: 204 });
      }
      return HttpResponse.json({ code: 'INVALID_REQUEST' }, { status: 400 });
    }),
  );
  return devices;
}

const getWorkerToken = async () => ({ accessToken: fakeAccessToken({ scope: PINGONE_WORKER_SCOPES.join(' ') }) });

function renderConsole(extra: { sandboxUrl?: string } = {}) {
  const user = userEvent.setup();
  render(
    <MfaDeviceConsole apiBase={API} environmentId={ENV} getWorkerToken={getWorkerToken} initialUsers={[{ id: USER, username: 'jane' }]} {...extra} />,
  );
  return user;
}

describe('MfaDeviceConsole', () => {
  it('lists devices with the phone and email masked: the raw values never reach the DOM', async () => {
    fakePingOne([
      { id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeee1', type: 'SMS', status: 'ACTIVE', phone: RAW_PHONE, nickname: 'Work phone' },
      { id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeee2', type: 'EMAIL', status: 'ACTIVATION_REQUIRED', email: RAW_EMAIL },
    ]);
    const user = renderConsole();
    await user.click(screen.getByRole('button', { name: 'List devices' }));
    const list = await screen.findByRole('list', { name: 'MFA devices' });
    const [sms, email] = within(list).getAllByRole('listitem');
    expect(sms).toHaveTextContent('+1•••••0150');
    expect(sms).toHaveTextContent('ACTIVE');
    expect(sms).toHaveTextContent('Work phone');
    expect(email).toHaveTextContent('j•••@example.com');
    expect(email).toHaveTextContent('ACTIVATION_REQUIRED');
    // The exchange view shows the response body, masked with the same rule.
    expect(screen.getByRole('article', { name: /GET .*\/devices — HTTP 200/ })).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('4135550150');
    expect(document.body.innerHTML).not.toContain(RAW_EMAIL);
    expect(document.body.innerHTML).not.toContain('jane.doe');
  });

  it('adds an EMAIL device needing activation, activates it with the OTP, renames it and deletes it after confirming', async () => {
    fakePingOne();
    const user = renderConsole();
    await user.click(screen.getByRole('button', { name: 'List devices' }));
    await screen.findByRole('list', { name: 'MFA devices' });

    const form = screen.getByRole('form', { name: 'Add an MFA device' });
    await user.selectOptions(within(form).getByLabelText('Device type'), 'EMAIL');
    await user.type(within(form).getByLabelText('Email'), RAW_EMAIL);
    await user.type(within(form).getByLabelText('Nickname'), 'Inbox');
    await user.click(within(form).getByLabelText('Require activation'));
    await user.click(within(form).getByRole('button', { name: 'Add device' }));

    const list = screen.getByRole('list', { name: 'MFA devices' });
    const row = await within(list).findByText('ACTIVATION_REQUIRED').then((el) => el.closest('li') as HTMLElement);
    expect(seen.find((s) => s.method === 'POST')).toMatchObject({
      path: `/users/${USER}/devices`,
      body: { type: 'EMAIL', email: RAW_EMAIL, nickname: 'Inbox', status: 'ACTIVATION_REQUIRED' },
    });
    expect(within(row).getByText('j•••@example.com')).toBeInTheDocument();
    expect(within(form).getByLabelText('Email')).toHaveValue('');

    await user.type(within(row).getByLabelText('OTP'), '246810');
    await user.click(within(row).getByRole('button', { name: 'Activate device' }));
    await waitFor(() => expect(within(row).getByText('ACTIVE')).toBeInTheDocument());
    const activate = seen.find((s) => s.contentType?.includes('device.activate'));
    expect(activate).toMatchObject({ method: 'POST', body: { otp: '246810' } });
    expect(within(row).queryByLabelText('OTP')).not.toBeInTheDocument();
    // The OTP shows nowhere, not even in the exchange view of the activation request.
    expect(document.body.textContent).not.toContain('246810');

    await user.click(within(row).getByRole('button', { name: 'Rename' }));
    const nickname = within(row).getByLabelText('Nickname');
    await user.clear(nickname);
    await user.type(nickname, 'Personal mail');
    await user.click(within(row).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(row).toHaveTextContent('Personal mail'));
    expect(seen.at(-1)).toMatchObject({ method: 'PUT', path: expect.stringMatching(/\/nickname$/), body: { nickname: 'Personal mail' } });

    await user.click(within(row).getByRole('button', { name: 'Delete device' }));
    const dialog = within(row).getByRole('alertdialog', { name: 'Confirm delete' });
    expect(seen.some((s) => s.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(row).queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(seen.some((s) => s.method === 'DELETE')).toBe(false);

    await user.click(within(row).getByRole('button', { name: 'Delete device' }));
    await user.click(within(row).getByRole('button', { name: 'Confirm delete' }));
    await waitFor(() => expect(within(list).queryAllByRole('listitem')).toHaveLength(0));
    expect(seen.at(-1)).toMatchObject({ method: 'DELETE', path: expect.stringMatching(/\/devices\/aaaaaaaa-/) });
  });

  it('reads the OTP from the sandbox outbox into the field', async () => {
    const devices = fakePingOne([{ id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeee3', type: 'SMS', status: 'ACTIVATION_REQUIRED', phone: RAW_PHONE }]);
    server.use(
      http.get(`${SANDBOX}/sandbox/outbox`, () =>
        HttpResponse.json([
          { id: 'm1', to: RAW_PHONE, channel: 'SMS', otp: '111111', userId: USER, deviceId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeee3', at: '2025-01-01T00:00:00Z' },
          { id: 'm2', to: RAW_PHONE, channel: 'SMS', otp: '246810', userId: USER, deviceId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeee3', at: '2025-01-01T00:01:00Z' },
          { id: 'm3', to: RAW_PHONE, channel: 'SMS', otp: '999999', userId: USER, deviceId: 'other', at: '2025-01-01T00:02:00Z' },
        ]),
      ),
    );
    const user = renderConsole({ sandboxUrl: SANDBOX });
    await user.click(screen.getByRole('button', { name: 'List devices' }));
    const row = (await within(await screen.findByRole('list', { name: 'MFA devices' })).findByText('ACTIVATION_REQUIRED')).closest('li') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Read OTP from sandbox outbox' }));
    await waitFor(() => expect(within(row).getByLabelText('OTP')).toHaveValue('246810'));
    await user.click(within(row).getByRole('button', { name: 'Activate device' }));
    await waitFor(() => expect(devices.get('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeee3')?.status).toBe('ACTIVE'));
  });

  it.each([
    ['SMS', 'Phone', '555-0150', /international format/],
    ['EMAIL', 'Email', 'not-an-email', /valid email/],
  ])('refuses a bad %s contact with a field error and sends nothing', async (type, label, value, message) => {
    fakePingOne();
    const user = renderConsole();
    const form = screen.getByRole('form', { name: 'Add an MFA device' });
    await user.selectOptions(within(form).getByLabelText('Device type'), type);
    const field = within(form).getByLabelText(label);
    await user.type(field, value);
    await user.click(within(form).getByRole('button', { name: 'Add device' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(message);
    expect(seen).toEqual([]);
  });

  it('refuses a malformed OTP before any request, and shows a PingOne 400 INVALID_OTP by the field', async () => {
    fakePingOne([{ id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeee4', type: 'EMAIL', status: 'ACTIVATION_REQUIRED', email: RAW_EMAIL }]);
    const user = renderConsole();
    await user.click(screen.getByRole('button', { name: 'List devices' }));
    const row = (await within(await screen.findByRole('list', { name: 'MFA devices' })).findByText('ACTIVATION_REQUIRED')).closest('li') as HTMLElement;
    const otp = within(row).getByLabelText('OTP');
    seen.length = 0;
    await user.type(otp, '12ab');
    await user.click(within(row).getByRole('button', { name: 'Activate device' }));
    expect(otp).toHaveAccessibleDescription(/6 to 8 digits/);
    expect(seen).toEqual([]);

    await user.clear(otp);
    await user.type(otp, '000000');
    await user.click(within(row).getByRole('button', { name: 'Activate device' }));
    await waitFor(() => expect(otp).toHaveAccessibleDescription(/The OTP is not valid\./));
    expect(seen).toHaveLength(1);
    expect(screen.getByRole('alert')).toHaveTextContent('HTTP 400');
    expect(document.body.textContent).not.toContain('000000');
  });

  it('puts a PingOne 400 details[].message next to the field its target names', async () => {
    server.use(
      http.post(`${BASE}/users/${USER}/devices`, () =>
        HttpResponse.json(
          { id: 'e2', code: 'INVALID_DATA', message: 'The request could not be completed.', details: [{ code: 'INVALID_VALUE', target: 'phone', message: 'This phone number is blocked for SMS.' }] },
          { status: 400 },
        ),
      ),
    );
    const user = renderConsole();
    const form = screen.getByRole('form', { name: 'Add an MFA device' });
    const phone = within(form).getByLabelText('Phone');
    await user.type(phone, '+15125201234');
    await user.click(within(form).getByRole('button', { name: 'Add device' }));
    await waitFor(() => expect(phone).toHaveAccessibleDescription(/This phone number is blocked for SMS\./));
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('Nickname')).not.toHaveAttribute('aria-invalid');
  });

  it('shows the 403 card: endpoint, method, status, body snippet, the scope hint and the roles truth', async () => {
    server.use(
      http.get(`${BASE}/users/${USER}/devices`, () =>
        HttpResponse.json(
          {
            id: 'e3',
            code: 'ACCESS_FAILED',
            message: 'The request could not be completed. You do not have access to this resource.',
            details: [{ code: 'INSUFFICIENT_PERMISSIONS', message: 'Missing permission' }],
          },
          { status: 403 },
        ),
      ),
    );
    const user = userEvent.setup();
    // A token with only the first worker scope (read users): the device scope is missing.
    const underScoped = async () => ({ accessToken: fakeAccessToken({ scope: PINGONE_WORKER_SCOPES[0] }) });
    render(<MfaDeviceConsole apiBase={API} environmentId={ENV} getWorkerToken={underScoped} initialUsers={[{ id: USER, username: 'jane' }]} />);
    await user.click(screen.getByRole('button', { name: 'List devices' }));
    const card = await screen.findByRole('alert');
    expect(card).toHaveTextContent('HTTP 403');
    expect(card).toHaveTextContent(`${BASE}/users/${USER}/devices`);
    expect(card).toHaveTextContent('GET');
    expect(card).toHaveTextContent('ACCESS_FAILED');
    expect(card).toHaveTextContent('You do not have access to this resource.');
    expect(card).toHaveTextContent(PINGONE_403_HINT);
    expect(card).toHaveTextContent(PINGONE_ROLES_TRUTH);
    expect(card).toHaveTextContent(/your token does not have it/);
    expect(screen.queryByRole('list', { name: 'MFA devices' })).not.toBeInTheDocument();
  });

  it('creates a TOTP device and shows its QR code and (on request) the key URI', async () => {
    const keyUri = 'otpauth://totp/Demo:jane?secret=JBSWY3DPEHPK3PXP&issuer=Demo';
    server.use(
      http.post(`${BASE}/users/${USER}/devices`, () =>
        HttpResponse.json({ id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeee5', type: 'TOTP', status: 'ACTIVATION_REQUIRED', secret: 'JBSWY3DPEHPK3PXP', keyUri }, { status: 201 }),
      ),
    );
    const user = renderConsole();
    const form = screen.getByRole('form', { name: 'Add an MFA device' });
    await user.selectOptions(within(form).getByLabelText('Device type'), 'TOTP');
    await user.click(within(form).getByRole('button', { name: 'Add device' }));
    const img = await screen.findByRole('img', { name: 'QR code for the TOTP key URI' });
    expect(img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(document.body.textContent).not.toContain('JBSWY3DPEHPK3PXP');
    await user.click(screen.getByRole('button', { name: 'Show key URI' }));
    expect(screen.getByText(keyUri)).toBeInTheDocument();
  });

  it('toggles mfaEnabled and creates a pairing key', async () => {
    server.use(
      http.put(`${BASE}/users/${USER}/mfaEnabled`, async ({ request }) => {
        const body = (await request.json()) as { mfaEnabled: boolean };
        return HttpResponse.json({ _links: {}, mfaEnabled: body.mfaEnabled });
      }),
      http.post(`${BASE}/users/${USER}/pairingKeys`, () =>
        HttpResponse.json({ id: 'cccccccc-dddd-4eee-8fff-000000000001', token: '123456789012', status: 'ACTIVE', expiresAt: '2030-01-01T00:10:00Z' }, { status: 201 }),
      ),
    );
    const user = renderConsole();
    const toggle = screen.getByRole('switch', { name: 'MFA enabled' });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(screen.getByText(/MFA is on for this user/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create pairing key' }));
    expect(await screen.findByText('cccccccc-dddd-4eee-8fff-000000000001')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: /POST .*\/pairingKeys — HTTP 201/ })).toBeInTheDocument();
  });

  it('says so instead of crashing when the environment ID is not a UUID', () => {
    render(<MfaDeviceConsole apiBase={API} environmentId="not-a-uuid" getWorkerToken={getWorkerToken} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/environment ID must be a UUID/);
  });
});
