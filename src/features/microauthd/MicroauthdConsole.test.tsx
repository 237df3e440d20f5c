// The microauthd console and its scope catalog: calls with their exchanges, 403 naming the scope, UUID matches.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { setupMswServer } from '../../../tests/support/msw';
import { MICROAUTHD_MODEL, MICROAUTHD_SCOPE_CATALOG } from '../../config/microauthd';
import { fakeAccessToken } from '../../../tests/support/pingoneTestSupport';
import { MicroauthdConsole } from './MicroauthdConsole';
import { ScopeCatalogPanel } from './ScopeCatalogPanel';

const BASE = 'http://localhost:4500/microauthd';
const U1 = '0b7f5a52-6a8e-4d1c-9a3b-2f1e0c9d8b7a';
const userObject = (id: string, username: string) => ({
  id, username, email: `${username}@example.com`, created_at: '2025-01-01T00:00:00Z', lockout_until: null,
  is_active: true, email_verified: true, totp_enabled: false,
});
const DENIED = { success: false, message: 'Permission Denied' };
const entry = (capability: string) => MICROAUTHD_SCOPE_CATALOG.find((e) => e.capability === capability)!;

const server = setupMswServer();
const requests: string[] = [];
afterEach(() => {
  requests.length = 0;
});
server.events.on('request:start', ({ request }) => void requests.push(`${request.method} ${new URL(request.url).pathname}`));

/** A support-portal token: list, read and reset — no provisioning, no deactivation. */
const portalToken = async () => ({
  accessToken: fakeAccessToken({ scope: ['users.list', 'users.read', 'users.resetPassword'].map((c) => entry(c).name).join(' ') }),
});

function renderConsole() {
  const user = userEvent.setup();
  render(<MicroauthdConsole baseUrl={BASE} getToken={portalToken} />);
  return user;
}

describe('MicroauthdConsole', () => {
  it('lists users (emails masked), picks one and reads it, showing each request and status', async () => {
    server.use(
      http.get(`${BASE}/users`, () => HttpResponse.json([userObject(U1, 'alice')])),
      http.get(`${BASE}/user/${U1}`, () => HttpResponse.json(userObject(U1, 'alice'))),
    );
    const user = renderConsole();
    await user.click(screen.getByRole('button', { name: 'List users' }));
    const table = await screen.findByRole('table', { name: 'microauthd users' });
    expect(within(table).getByText('a•••@example.com')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Use the ID of alice' }));
    expect(screen.getByLabelText('User ID')).toHaveValue(U1);
    await user.click(screen.getByRole('button', { name: 'Read user' }));
    expect(await screen.findByRole('article', { name: `GET /microauthd/user/${U1} — HTTP 200` })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'GET /microauthd/users — HTTP 200' })).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('alice@example.com');
  });

  it('names the scope a refused call needs and that the token does not have it', async () => {
    server.use(http.post(`${BASE}/user/${U1}/deactivate`, () => HttpResponse.json(DENIED, { status: 403 })));
    const user = renderConsole();
    await user.type(screen.getByLabelText('User ID'), U1);
    await user.click(screen.getByRole('button', { name: 'Deactivate user' }));
    const card = await screen.findByRole('alert');
    expect(card).toHaveTextContent('HTTP 403');
    expect(card).toHaveTextContent(`needs ${entry('users.deactivate').name} — your token does not have it`);
    expect(card).toHaveTextContent(`${BASE}/user/${U1}/deactivate`);
    expect(card).toHaveTextContent('Permission Denied');
  });

  it('validates before sending: a missing user ID and a bad email never cost a request', async () => {
    const user = renderConsole();
    await user.click(screen.getByRole('button', { name: 'Read user' }));
    expect(screen.getByLabelText('User ID')).toHaveAccessibleDescription(/Enter the user ID/);
    const form = screen.getByRole('form', { name: 'Provision user' });
    await user.type(within(form).getByLabelText('Username'), 'bob');
    await user.type(within(form).getByLabelText('Email'), 'nope');
    await user.click(within(form).getByRole('button', { name: 'Provision user' }));
    expect(within(form).getByLabelText('Email')).toHaveAccessibleDescription(/valid email/);
    expect(requests).toEqual([]);
  });

  it('provisions and resets a password with masked password fields; passwords never shown', async () => {
    server.use(
      http.post(`${BASE}/user`, () => HttpResponse.json(userObject(U1, 'bob'))),
      http.post(`${BASE}/user/${U1}/reset`, () => HttpResponse.json({ success: true, message: 'Password reset' })),
    );
    const user = renderConsole();
    const form = screen.getByRole('form', { name: 'Provision user' });
    expect(within(form).getByLabelText('Password')).toHaveAttribute('type', 'password');
    await user.type(within(form).getByLabelText('Username'), 'bob');
    await user.type(within(form).getByLabelText('Email'), 'bob@example.com');
    await user.type(within(form).getByLabelText('Password'), 'Sup3r-secret!');
    await user.click(within(form).getByRole('button', { name: 'Provision user' }));
    await screen.findByRole('article', { name: 'POST /microauthd/user — HTTP 200' });
    expect(within(form).getByLabelText('Password')).toHaveValue('');

    expect(screen.getByLabelText('New password')).toHaveAttribute('type', 'password');
    await user.type(screen.getByLabelText('User ID'), U1);
    await user.type(screen.getByLabelText('New password'), 'An0ther-secret!');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    await screen.findByRole('article', { name: `POST /microauthd/user/${U1}/reset — HTTP 200` });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Password reset'));
    expect(document.body.innerHTML).not.toContain('Sup3r-secret!');
    expect(document.body.innerHTML).not.toContain('An0ther-secret!');
  });
});

describe('ScopeCatalogPanel', () => {
  it('shows the five scopes with UUID, purpose and endpoint, and ticks those granted by name or UUID', () => {
    const list = entry('users.list');
    const read = entry('users.read');
    render(<ScopeCatalogPanel granted={`${list.id} ${read.name} openid`} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(5);
    const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(rowOf(list.name)).toHaveTextContent('granted (as UUID)');
    expect(rowOf(list.name)).toHaveTextContent(list.id!);
    expect(rowOf(list.name)).toHaveTextContent('GET /users');
    expect(rowOf(read.name)).toHaveTextContent(/(?<!not )granted/);
    expect(rowOf(read.name)).not.toHaveTextContent('as UUID');
    expect(rowOf(entry('users.provision').name)).toHaveTextContent('not granted');
    expect(screen.getByText(/Other scopes in your token/)).toHaveTextContent('openid');
    expect(screen.getByText(MICROAUTHD_MODEL.storedAsUuids)).toBeInTheDocument();
  });

  it('says the scopes are unknown when the token does not tell', () => {
    render(<ScopeCatalogPanel />);
    expect(screen.getAllByText('unknown')).toHaveLength(5);
  });
});
