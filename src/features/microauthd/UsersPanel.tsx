// The users list: "List users" and a table of them (email masked); picking an ID fills the "One user" panel.
import type { MicroauthdUser } from '../../services/microauthd/types';
import { maskEmail } from '../../utils/mask';
import { ActionButton } from './ActionButton';
import type { ConsoleAction } from './useConsoleRun';
import { IconUsers } from '../../components/icons/objectIcons';

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

export interface UsersPanelProps {
  users: readonly MicroauthdUser[] | undefined;
  busy: ConsoleAction | null;
  onList: () => void;
  onPick: (id: string) => void;
}

export function UsersPanel({ users, busy, onList, onPick }: UsersPanelProps) {
  return (
    <section className="mfa-panel" aria-label="Users">
      <h3 className="api-heading"><IconUsers /> Users</h3>
      <ActionButton action="list" label="List users" busy={busy} onClick={onList} variant="btn--primary" />
      {users && <UsersTable users={users} onPick={onPick} />}
    </section>
  );
}
