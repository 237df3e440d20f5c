// The list named "MFA devices": one row per device, or a friendly note when the user has none.
import type { PingOneDevice } from '../../services/pingone/types';
import { DeviceRow, type DeviceActions } from './DeviceRow';

export interface DeviceListProps {
  /** undefined until the first `List devices`. */
  devices: readonly PingOneDevice[] | undefined;
  actions: DeviceActions;
  /** The device an action is running on, and which action. */
  busy?: { deviceId: string; action: 'activate' | 'rename' | 'delete' } | undefined;
}

/** Always a `<ul aria-label="MFA devices">` once listed, so tests and screen readers find it by name. */
export function DeviceList({ devices, actions, busy }: DeviceListProps) {
  if (devices === undefined) {
    return <p className="api-muted">Pick a user and press List devices to see their MFA devices.</p>;
  }
  return (
    <>
      <ul className="mfa-devices" aria-label="MFA devices">
        {devices.map((device) => (
          <DeviceRow
            key={device.id}
            device={device}
            actions={actions}
            busy={busy?.deviceId === device.id ? busy.action : undefined}
          />
        ))}
      </ul>
      {devices.length === 0 && <p className="api-muted">This user has no MFA devices yet. Add one below.</p>}
    </>
  );
}
