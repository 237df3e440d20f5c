// Step 4 for microauthd: the five scope-gated AUTH-server user calls, each with its request, status and body.
import { useMemo, useState, type FormEvent } from 'react';
import { createMicroauthdClient } from '../../services/microauthd/client';
import { MicroauthdApiError } from '../../services/microauthd/errors';
import type { MicroauthdClient, MicroauthdToken, MicroauthdUser } from '../../services/microauthd/types';
import { useApiExchanges } from '../../hooks/useApiExchanges';
import { InputError } from '../../utils/errors';
import { maskEmail } from '../../utils/mask';
import { ApiExchangeList } from '../../components/ApiExchangeView';
import { InfoBox } from '../../components/InfoBox';
import { JsonView } from '../../components/JsonView';
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { MicroauthdErrorNotice } from './MicroauthdErrorNotice';
import '../../components/apiPanels.css';

export interface MicroauthdConsoleProps {
  /** The AUTH server base URL (sandbox: `http://localhost:4500/microauthd`). */
  baseUrl: string;
  getToken: () => Promise<MicroauthdToken>;
}

type Action = 'list' | 'read' | 'provision' | 'reset' | 'deactivate';
type Field = 'id' | 'new_password' | 'username' | 'email' | 'password';
const FIELDS: readonly Field[] = ['id', 'new_password', 'username', 'email', 'password'];

function fieldError(error: unknown): Partial<Record<Field, string>> {
  const field = error instanceof InputError || error instanceof MicroauthdApiError ? error.field : undefined;
  return field && (FIELDS as readonly string[]).includes(field) ? { [field]: error instanceof Error ? error.message : '' } : {};
}

function UsersTable({ users, onPick }: { users: readonly MicroauthdUser[]; onPick: (id: string) => void }) {
  if (users.length === 0) return <p className="api-muted">No users yet. Provision one below.</p>;
  return (
    <div className="table-scroll">
      <table className="scope-catalog__table">
        <caption className="api-sr-only">microauthd users</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Email</th>
            <th scope="col">Active</th>
            <th scope="col">ID</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.username}</th>
              <td>{maskEmail(u.email)}</td>
              <td>{u.is_active ? 'yes' : 'no'}</td>
              <td>
                <button type="button" className="btn btn--link btn--small" onClick={() => onPick(u.id)} aria-label={`Use the ID of ${u.username}`}>
                  <code>{u.id}</code>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the result panel shows: a user's email masked, like the users table and the exchange view. */
function shownResult(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  return typeof v.email === 'string' ? { ...v, email: maskEmail(v.email) } : v;
}

/** The console. Inputs are validated by the client before any request; a 403 names the missing scope. */
export function MicroauthdConsole({ baseUrl, getToken }: MicroauthdConsoleProps) {
  const log = useApiExchanges();
  const setup = useMemo((): { client?: MicroauthdClient; problem?: string } => {
    try {
      return {
        client: createMicroauthdClient({
          baseUrl,
          getToken,
          onExchange: log.record,
        }),
      };
    } catch (error) {
      return { problem: error instanceof InputError ? error.message : 'The microauthd client could not be set up.' };
    }
  }, [baseUrl, getToken, log.record]);

  const [users, setUsers] = useState<MicroauthdUser[] | undefined>();
  const [userId, setUserId] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [prov, setProv] = useState({ username: '', email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState<Action | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<{ title: string; value: unknown } | undefined>();

  if (!setup.client) {
    return (
      <InfoBox variant="error" title="microauthd is not configured" role="alert">
        {setup.problem} Check the base URL in step 1.
      </InfoBox>
    );
  }
  const client = setup.client;

  async function run(action: Action, title: string, call: () => Promise<unknown>) {
    setBusy(action);
    setErrors({});
    setFailure(null);
    setResult(undefined);
    try {
      const value = await call();
      if (value !== undefined) setResult({ title, value });
    } catch (error) {
      const byField = fieldError(error);
      setErrors(byField);
      if (Object.keys(byField).length === 0 || !(error instanceof InputError)) setFailure(error);
    } finally {
      setBusy(null);
    }
  }

  const provision = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run('provision', 'Provisioned user', async () => {
      const created = await client.provisionUser(prov);
      setProv({ username: '', email: '', password: '' });
      return created;
    });
  };
  const button = (action: Action, label: string, onClick: () => void, variant = 'btn--secondary') => (
    <button type="button" className={`btn ${variant}`} onClick={onClick} disabled={busy !== null}>
      {busy === action && <Spinner />}
      {label}
    </button>
  );

  return (
    <div className="microauthd-console">
      <section className="mfa-panel" aria-label="Users">
        <h3 className="api-heading">👥 Users</h3>
        {button('list', 'List users', () => void run('list', '', async () => void setUsers(await client.listUsers())), 'btn--primary')}
        {users && <UsersTable users={users} onPick={(id) => setUserId(id)} />}
      </section>

      <section className="mfa-panel" aria-label="One user">
        <h3 className="api-heading">🔎 One user</h3>
        <TextField label="User ID" value={userId} onChange={setUserId} error={errors.id} spellCheck={false} />
        <div className="mfa-actions">
          {button('read', 'Read user', () => void run('read', 'User', () => client.getUser(userId)))}
          {button('deactivate', 'Deactivate user', () => void run('deactivate', 'Deactivated', () => client.deactivateUser(userId)))}
        </div>
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={setNewPassword}
          error={errors.new_password}
        />
        {button('reset', 'Reset password', () =>
          void run('reset', 'Password reset', async () => {
            const answer = await client.resetPassword(userId, newPassword);
            setNewPassword('');
            return answer;
          }),
        )}
      </section>

      <form className="mfa-panel" aria-label="Provision user" onSubmit={provision} noValidate>
        <h3 className="api-heading">➕ Provision a user</h3>
        <TextField label="Username" value={prov.username} onChange={(v) => setProv((p) => ({ ...p, username: v }))} error={errors.username} autoComplete="off" />
        <TextField label="Email" type="email" value={prov.email} onChange={(v) => setProv((p) => ({ ...p, email: v }))} error={errors.email} autoComplete="off" />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          value={prov.password}
          onChange={(v) => setProv((p) => ({ ...p, password: v }))}
          error={errors.password}
        />
        <button type="submit" className="btn btn--primary" disabled={busy !== null}>
          {busy === 'provision' && <Spinner />}
          Provision user
        </button>
      </form>

      {failure !== null && <MicroauthdErrorNotice error={failure} />}
      {result && (
        <section className="mfa-panel" aria-label="Result" role="status">
          <h4 className="api-exchange__title">{result.title}</h4>
          <JsonView value={shownResult(result.value)} label={result.title} />
        </section>
      )}
      <ApiExchangeList exchanges={log.exchanges} onClear={log.clear} />
    </div>
  );
}
