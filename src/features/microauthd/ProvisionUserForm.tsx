// "Provision a user": username, email and password, sent as one request.
import type { FormEvent } from 'react';
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import type { ConsoleAction, ConsoleFieldErrors } from './useConsoleRun';
import { IconPlus } from '../../components/icons/objectIcons';

export interface ProvisionFields {
  username: string;
  email: string;
  password: string;
}

export const EMPTY_PROVISION: ProvisionFields = { username: '', email: '', password: '' };

export interface ProvisionUserFormProps {
  value: ProvisionFields;
  onChange: (update: (current: ProvisionFields) => ProvisionFields) => void;
  errors: ConsoleFieldErrors;
  busy: ConsoleAction | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

export function ProvisionUserForm({ value, onChange, errors, busy, onSubmit }: ProvisionUserFormProps) {
  const set = (key: keyof ProvisionFields) => (v: string) => onChange((p) => ({ ...p, [key]: v }));
  return (
    <form className="mfa-panel" aria-label="Provision user" onSubmit={onSubmit} noValidate>
      <h3 className="api-heading"><IconPlus /> Provision a user</h3>
      <TextField label="Username" value={value.username} onChange={set('username')} error={errors.username} autoComplete="off" />
      <TextField label="Email" type="email" value={value.email} onChange={set('email')} error={errors.email} autoComplete="off" />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        value={value.password}
        onChange={set('password')}
        error={errors.password}
      />
      <button type="submit" className="btn btn--primary" disabled={busy !== null}>
        {busy === 'provision' && <Spinner />}
        Provision user
      </button>
    </form>
  );
}
