// Step 4 for PingOne and the sandbox: users, their MFA devices (list/add/activate/rename/delete), mfaEnabled, pairing keys.
import { useMemo, useState } from 'react';
import { createPingOneTokenClient, type PingOneTokenClient, type WorkerToken } from '../../services/pingone/pingoneTokenClient';
import type { CreateDeviceInput, PingOneDevice } from '../../services/pingone/types';
import { useApiExchanges } from '../../hooks/useApiExchanges';
import { InputError, isPlaygroundError } from '../../utils/errors';
import { ApiExchangeList } from '../../components/ApiExchangeView';
import { InfoBox } from '../../components/InfoBox';
import { Spinner } from '../../components/Spinner';
import { AddDeviceForm } from './AddDeviceForm';
import { DeviceList } from './DeviceList';
import type { DeviceActions } from './DeviceRow';
import { MfaEnabledToggle } from './MfaEnabledToggle';
import { readSandboxOtp } from '../../services/sandboxAdmin';
import { PairingKeyPanel } from './PairingKeyPanel';
import { PingOneErrorNotice } from './PingOneErrorNotice';
import { TotpQr } from './TotpQr';
import { UserPicker, type PickableUser } from './UserPicker';
import '../../components/apiPanels.css';

export interface MfaDeviceConsoleProps {
  /** Platform API base with `/v1` (PingOne `https://api.pingone.{tld}/v1`, or the sandbox's). */
  apiBase: string;
  environmentId: string;
  /** The worker token from the TokenCache; `forceRefresh` after a 401. */
  getWorkerToken: (opts?: { forceRefresh?: boolean }) => Promise<WorkerToken>;
  /** The local sandbox origin: enables "Read OTP from sandbox outbox". */
  sandboxUrl?: string;
  /** Users known up front (the sandbox's seeded users), before any `Load users`. */
  initialUsers?: readonly PickableUser[];
}

type Busy = { what: 'users' | 'list' | 'add' } | { what: 'activate' | 'rename' | 'delete'; deviceId: string } | null;

/** Builds the client once per configuration; a bad apiBase or environment ID becomes a message, not a crash. */
function useClient(props: MfaDeviceConsoleProps, onExchange: Parameters<typeof createPingOneTokenClient>[0]['onExchange']) {
  const { apiBase, environmentId, getWorkerToken } = props;
  // The client holds no state, so rebuilding it when the page passes a new getWorkerToken costs nothing.
  return useMemo((): { client?: PingOneTokenClient; problem?: string } => {
    try {
      const client = createPingOneTokenClient({
        apiBase,
        environmentId,
        getToken: getWorkerToken,
        onExchange,
      });
      return { client };
    } catch (error) {
      return { problem: error instanceof InputError ? error.message : 'The PingOne API client could not be set up.' };
    }
  }, [apiBase, environmentId, getWorkerToken, onExchange]);
}

/**
 * The MFA device console. Every call goes through the one PingOneTokenClient with the cached worker token and
 * shows its exchange; a 403 shows the ForbiddenCard. Device lists show phone/email masked only.
 */
export function MfaDeviceConsole(props: MfaDeviceConsoleProps) {
  const { sandboxUrl } = props;
  const log = useApiExchanges();
  const { client, problem } = useClient(props, log.record);
  const [users, setUsers] = useState<readonly PickableUser[]>(props.initialUsers ?? []);
  const [userId, setUserId] = useState(props.initialUsers?.[0]?.id ?? '');
  const [userError, setUserError] = useState<string | undefined>();
  const [devices, setDevices] = useState<PingOneDevice[] | undefined>();
  const [totp, setTotp] = useState<{ keyUri: string; secret?: string } | undefined>();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);

  if (!client) {
    return (
      <InfoBox variant="error" title="The PingOne API is not configured" role="alert">
        {problem} Check the environment ID and region in step 1.
      </InfoBox>
    );
  }
  const api = client;

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

  const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

  const pickUser = (id: string) => {
    setUserId(id);
    setUserError(undefined);
    setDevices(undefined);
    setTotp(undefined);
  };

  const loadUsers = () =>
    quiet(
      run({ what: 'users' }, async () => {
        const list = (await api.listUsers()).map((u) => ({ id: u.id, username: u.username }));
        setUsers(list);
        if (!list.some((u) => u.id === userId)) pickUser(list[0]?.id ?? '');
      }),
    );

  const listDevices = () =>
    quiet(run({ what: 'list' }, async () => setDevices(await api.listDevices(userId))));

  const addDevice = (input: CreateDeviceInput) =>
    run({ what: 'add' }, async () => {
      const created = await api.createDevice(userId, input);
      const { secret, keyUri, ...shown } = created;
      setDevices((list) => [...(list ?? []), shown]);
      setTotp(keyUri ? { keyUri, secret: secret || undefined } : undefined);
    });

  const replace = (device: PingOneDevice) => setDevices((list) => list?.map((d) => (d.id === device.id ? device : d)));

  const actions: DeviceActions = {
    activate: (deviceId, otp) =>
      run({ what: 'activate', deviceId }, async () => {
        replace(await api.activateDevice(userId, deviceId, otp));
      }),
    rename: (deviceId, nickname) =>
      run({ what: 'rename', deviceId }, async () => {
        replace(await api.renameDevice(userId, deviceId, nickname));
      }),
    remove: (deviceId) =>
      run({ what: 'delete', deviceId }, async () => {
        await api.deleteDevice(userId, deviceId);
        setDevices((list) => list?.filter((d) => d.id !== deviceId));
      }),
    // Only the local sandbox has an outbox: without it the control is not offered at all.
    readOtp: sandboxUrl ? (deviceId: string) => readSandboxOtp({ userId, deviceId }, { baseUrl: sandboxUrl }) : undefined,
  };

  const deviceBusy =
    busy && (busy.what === 'activate' || busy.what === 'rename' || busy.what === 'delete')
      ? { deviceId: busy.deviceId, action: busy.what }
      : undefined;
  const noUser = userId.trim() === '';

  return (
    <div className="mfa-console">
      <section className="mfa-panel" aria-label="User">
        <h3 className="api-heading">👤 Whose devices?</h3>
        <UserPicker users={users} value={userId} onChange={pickUser} onLoad={loadUsers} loading={busy?.what === 'users'} error={userError} />
        <button type="button" className="btn btn--primary" onClick={listDevices} disabled={busy?.what === 'list'}>
          {busy?.what === 'list' && <Spinner />}
          List devices
        </button>
      </section>

      {error !== null && <PingOneErrorNotice error={error} />}
      {isPlaygroundError(error) && error.code === 'NETWORK' && sandboxUrl && (
        <InfoBox variant="warning">Is the sandbox running? Start it with npm run sandbox.</InfoBox>
      )}

      <section className="mfa-panel" aria-label="Devices">
        <DeviceList devices={devices} actions={actions} busy={deviceBusy} />
        {totp && <TotpQr keyUri={totp.keyUri} secret={totp.secret || undefined} />}
        <AddDeviceForm onAdd={addDevice} busy={busy?.what === 'add'} disabled={noUser} />
      </section>

      <div className="mfa-side">
        <MfaEnabledToggle
          key={`mfa-${userId}`}
          disabled={noUser}
          read={() => run(null, () => api.getMfaEnabled(userId))}
          write={(v) => run(null, () => api.setMfaEnabled(userId, v))}
        />
        <PairingKeyPanel key={`pk-${userId}`} disabled={noUser} onCreate={() => run(null, () => api.createPairingKey(userId))} />
      </div>

      <ApiExchangeList exchanges={log.exchanges} onClear={log.clear} />
    </div>
  );
}
