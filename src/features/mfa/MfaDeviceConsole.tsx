// Step 4 for PingOne and the sandbox: users, their MFA devices (list/add/activate/rename/delete), mfaEnabled, pairing keys.
import { useMemo } from 'react';
import type { RelayRoute } from '../../utils/relay';
import { createPingOneTokenClient, type PingOneTokenClient, type WorkerToken } from '../../services/pingone/pingoneTokenClient';
import { useApiExchanges } from '../../hooks/useApiExchanges';
import { InputError, isPlaygroundError } from '../../utils/errors';
import { ApiExchangeList } from '../../components/ApiExchangeView';
import { InfoBox } from '../../components/InfoBox';
import { Spinner } from '../../components/Spinner';
import { AddDeviceForm } from './AddDeviceForm';
import { DeviceList } from './DeviceList';
import { deviceListSummary } from './DeviceSummary';
import { MfaEnabledToggle } from './MfaEnabledToggle';
import { PairingKeyPanel } from './PairingKeyPanel';
import { PingOneErrorNotice } from './PingOneErrorNotice';
import { TotpQr } from './TotpQr';
import { UserPicker, type PickableUser } from './UserPicker';
import { createConsoleActions } from './consoleActions';
import { deviceBusyOf, useMfaConsoleState, type MfaConsoleState } from './useMfaConsoleState';
import '../../components/apiPanels.css';
import { IconUser } from '../../components/icons/objectIcons';

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
  /** Send the calls through the local relay (CORS; mTLS with the certificate a bound token needs). */
  relay?: RelayRoute | undefined;
}

/** Builds the client once per configuration; a bad apiBase or environment ID becomes a message, not a crash. */
function useClient(props: MfaDeviceConsoleProps, onExchange: Parameters<typeof createPingOneTokenClient>[0]['onExchange']) {
  const { apiBase, environmentId, getWorkerToken, relay } = props;
  // The client holds no state, so rebuilding it when the page passes a new getWorkerToken costs nothing.
  return useMemo((): { client?: PingOneTokenClient; problem?: string } => {
    try {
      const client = createPingOneTokenClient({
        apiBase,
        environmentId,
        getToken: getWorkerToken,
        onExchange,
        relay,
      });
      return { client };
    } catch (error) {
      return { problem: error instanceof InputError ? error.message : 'The PingOne API client could not be set up.' };
    }
  }, [apiBase, environmentId, getWorkerToken, onExchange, relay]);
}

function UserPanel({ state, onLoad, onList }: { state: MfaConsoleState; onLoad: () => void; onList: () => void }) {
  const { users, userId, userError, busy, pickUser } = state;
  return (
    <section className="mfa-panel" aria-label="User">
      <h3 className="api-heading"><IconUser /> Whose devices?</h3>
      <UserPicker users={users} value={userId} onChange={pickUser} onLoad={onLoad} loading={busy?.what === 'users'} error={userError} />
      <button type="button" className="btn btn--primary" onClick={onList} disabled={busy?.what === 'list'}>
        {busy?.what === 'list' && <Spinner />}
        List devices
      </button>
    </section>
  );
}

function ConsoleError({ error, sandboxUrl }: { error: unknown; sandboxUrl: string | undefined }) {
  return (
    <>
      {error !== null && <PingOneErrorNotice error={error} />}
      {isPlaygroundError(error) && error.code === 'NETWORK' && sandboxUrl && (
        <InfoBox variant="warning">Is the sandbox running? Start it with npm run sandbox.</InfoBox>
      )}
    </>
  );
}

/**
 * The MFA device console. Every call goes through the one PingOneTokenClient with the cached worker token and
 * shows its exchange; a 403 shows the ForbiddenCard. Device lists show phone/email masked only.
 */
export function MfaDeviceConsole(props: MfaDeviceConsoleProps) {
  const { sandboxUrl } = props;
  const log = useApiExchanges();
  const { client, problem } = useClient(props, log.record);
  const state = useMfaConsoleState(props.initialUsers);

  if (!client) {
    return (
      <InfoBox variant="error" title="The PingOne API is not configured" role="alert">
        {problem} Check the environment ID and region in step 1.
      </InfoBox>
    );
  }

  const actions = createConsoleActions(client, state, sandboxUrl);
  const { userId, devices, totp, busy } = state;
  const noUser = userId.trim() === '';

  return (
    <div className="mfa-console">
      <UserPanel state={state} onLoad={actions.loadUsers} onList={actions.listDevices} />
      <ConsoleError error={state.error} sandboxUrl={sandboxUrl} />

      <section className="mfa-panel" aria-label="Devices">
        <DeviceList devices={devices} actions={actions.device} busy={deviceBusyOf(busy)} />
        {totp && <TotpQr keyUri={totp.keyUri} secret={totp.secret} />}
        <AddDeviceForm onAdd={actions.addDevice} busy={busy?.what === 'add'} disabled={noUser} />
      </section>

      <div className="mfa-side">
        <MfaEnabledToggle key={`mfa-${userId}`} disabled={noUser} read={actions.readMfaEnabled} write={actions.writeMfaEnabled} />
        <PairingKeyPanel key={`pk-${userId}`} disabled={noUser} onCreate={actions.createPairingKey} />
      </div>

      <ApiExchangeList exchanges={log.exchanges} onClear={log.clear} summary={deviceListSummary} />
    </div>
  );
}
