// One user by ID: read it, deactivate it, or reset its password.
import type { MicroauthdClient } from '../../services/microauthd/types';
import { TextField } from '../../components/TextField';
import { ActionButton } from './ActionButton';
import type { ConsoleAction, ConsoleFieldErrors, ConsoleRun } from './useConsoleRun';
import { IconSearch } from '../../components/icons/objectIcons';

export interface OneUserPanelProps {
  client: MicroauthdClient;
  run: ConsoleRun;
  busy: ConsoleAction | null;
  errors: ConsoleFieldErrors;
  userId: string;
  onUserIdChange: (id: string) => void;
  newPassword: string;
  onNewPasswordChange: (password: string) => void;
}

export function OneUserPanel({ client, run, busy, errors, userId, onUserIdChange, newPassword, onNewPasswordChange }: OneUserPanelProps) {
  const resetPassword = () =>
    void run('reset', 'Password reset', async () => {
      const answer = await client.resetPassword(userId, newPassword);
      onNewPasswordChange('');
      return answer;
    });

  return (
    <section className="mfa-panel" aria-label="One user">
      <h3 className="api-heading"><IconSearch /> One user</h3>
      <TextField label="User ID" value={userId} onChange={onUserIdChange} error={errors.id} spellCheck={false} />
      <div className="mfa-actions">
        <ActionButton action="read" label="Read user" busy={busy} onClick={() => void run('read', 'User', () => client.getUser(userId))} />
        <ActionButton
          action="deactivate"
          label="Deactivate user"
          busy={busy}
          onClick={() => void run('deactivate', 'Deactivated', () => client.deactivateUser(userId))}
        />
      </div>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={onNewPasswordChange}
        error={errors.new_password}
      />
      <ActionButton action="reset" label="Reset password" busy={busy} onClick={resetPassword} />
    </section>
  );
}
