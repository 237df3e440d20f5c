// Picks the user whose devices the console manages: from `Load users` (GET /users), sandbox users, or a pasted ID.
import { useId } from 'react';
import { FieldError } from '../../components/FieldError';
import { Spinner } from '../../components/Spinner';

export interface PickableUser {
  id: string;
  username: string;
}

export interface UserPickerProps {
  users: readonly PickableUser[];
  value: string;
  onChange: (userId: string) => void;
  onLoad: () => void;
  loading?: boolean;
  error?: string | undefined;
}

/** A select once users are known; until then a `User ID` field, so a real tenant's user can be pasted in. */
export function UserPicker({ users, value, onChange, onLoad, loading = false, error }: UserPickerProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <div className="mfa-user-picker">
      {users.length > 0 ? (
        <div className="form-field">
          <label htmlFor={id} className="form-field__label">
            User
          </label>
          <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} {...invalid}>
            <option value="">Choose a user…</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.username}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="form-field">
          <label htmlFor={id} className="form-field__label">
            User ID
          </label>
          <input
            id={id}
            className="input"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            placeholder="a PingOne user ID (UUID)"
            spellCheck={false}
            {...invalid}
          />
        </div>
      )}
      <button type="button" className="btn btn--secondary btn--small" onClick={onLoad} disabled={loading}>
        {loading && <Spinner />}
        Load users
      </button>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
