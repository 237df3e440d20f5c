// The MFA console's state: the chosen user, their devices, the TOTP just enrolled, what is running and the last error.
import { useState } from 'react';
import type { PingOneDevice } from '../../services/pingone/types';
import { InputError } from '../../utils/errors';
import type { PickableUser } from './UserPicker';

export type Busy = { what: 'users' | 'list' | 'add' } | { what: 'activate' | 'rename' | 'delete'; deviceId: string } | null;

export interface EnrolledTotp {
  keyUri: string;
  secret?: string;
}

/** State plus `run`, the one way a console call updates busy and error. */
export function useMfaConsoleState(initialUsers: readonly PickableUser[] | undefined) {
  const [users, setUsers] = useState<readonly PickableUser[]>(initialUsers ?? []);
  const [userId, setUserId] = useState(initialUsers?.[0]?.id ?? '');
  const [userError, setUserError] = useState<string | undefined>();
  const [devices, setDevices] = useState<PingOneDevice[] | undefined>();
  const [totp, setTotp] = useState<EnrolledTotp | undefined>();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);

  /** Runs one call: busy state, error card; InputErrors go back to the form that asked (field-level). */
  async function run<T>(state: Busy, call: () => Promise<T>): Promise<T> {
    setBusy(state);
    setError(null);
    try {
      return await call();
    } catch (e) {
      if (e instanceof InputError && e.field === 'userId') setUserError('Choose a user first (a PingOne user ID).');
      else if (!(e instanceof InputError)) setError(e);
      throw e;
    } finally {
      setBusy(null);
    }
  }

  const pickUser = (id: string) => {
    setUserId(id);
    setUserError(undefined);
    setDevices(undefined);
    setTotp(undefined);
  };

  return { users, setUsers, userId, userError, devices, setDevices, totp, setTotp, busy, error, run, pickUser };
}

export type MfaConsoleState = ReturnType<typeof useMfaConsoleState>;

/** The device action running, in the shape DeviceList takes, or undefined when none is. */
export function deviceBusyOf(busy: Busy): { deviceId: string; action: 'activate' | 'rename' | 'delete' } | undefined {
  return busy && (busy.what === 'activate' || busy.what === 'rename' || busy.what === 'delete')
    ? { deviceId: busy.deviceId, action: busy.what }
    : undefined;
}
