// What the MFA console's buttons do: each a PingOneTokenClient call run through the console state.
import type { PingOneTokenClient } from '../../services/pingone/pingoneTokenClient';
import type { CreateDeviceInput, PingOneDevice } from '../../services/pingone/types';
import { readSandboxOtp } from '../../services/sandboxAdmin';
import type { DeviceActions } from './DeviceRow';
import type { MfaConsoleState } from './useMfaConsoleState';

const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

/**
 * The console's actions for the current user. Called during render with the live state, so every action sees
 * the user chosen now; errors are already shown by `run`, so the click handlers swallow them.
 */
export function createConsoleActions(api: PingOneTokenClient, state: MfaConsoleState, sandboxUrl: string | undefined) {
  const { userId, run, pickUser, setUsers, setDevices, setTotp } = state;

  const loadUsers = () =>
    quiet(
      run({ what: 'users' }, async () => {
        const list = (await api.listUsers()).map((u) => ({ id: u.id, username: u.username }));
        setUsers(list);
        if (!list.some((u) => u.id === userId)) pickUser(list[0]?.id ?? '');
      }),
    );

  const listDevices = () => quiet(run({ what: 'list' }, async () => setDevices(await api.listDevices(userId))));

  const addDevice = (input: CreateDeviceInput) =>
    run({ what: 'add' }, async () => {
      const created = await api.createDevice(userId, input);
      const { secret, keyUri, ...shown } = created;
      setDevices((list) => [...(list ?? []), shown]);
      setTotp(keyUri ? { keyUri, secret: secret || undefined } : undefined);
    });

  return {
    loadUsers,
    listDevices,
    addDevice,
    device: createDeviceActions(api, state, sandboxUrl),
    readMfaEnabled: () => run(null, () => api.getMfaEnabled(userId)),
    writeMfaEnabled: (v: boolean) => run(null, () => api.setMfaEnabled(userId, v)),
    createPairingKey: () => run(null, () => api.createPairingKey(userId)),
  };
}

function createDeviceActions(api: PingOneTokenClient, state: MfaConsoleState, sandboxUrl: string | undefined): DeviceActions {
  const { userId, run, setDevices } = state;
  const replace = (device: PingOneDevice) => setDevices((list) => list?.map((d) => (d.id === device.id ? device : d)));
  return {
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
}
