// Step 4 for microauthd: the five scope-gated AUTH-server user calls, each with its request, status and body.
import { useMemo, useState, type FormEvent } from 'react';
import { createMicroauthdClient } from '../../services/microauthd/client';
import type { MicroauthdClient, MicroauthdToken, MicroauthdUser } from '../../services/microauthd/types';
import { useApiExchanges } from '../../hooks/useApiExchanges';
import { InputError } from '../../utils/errors';
import type { RelayRoute } from '../../utils/relay';
import { maskEmail } from '../../utils/mask';
import { ApiExchangeList } from '../../components/ApiExchangeView';
import { InfoBox } from '../../components/InfoBox';
import { JsonView } from '../../components/JsonView';
import { MicroauthdErrorNotice } from './MicroauthdErrorNotice';
import { OneUserPanel } from './OneUserPanel';
import { EMPTY_PROVISION, ProvisionUserForm, type ProvisionFields } from './ProvisionUserForm';
import { UsersPanel } from './UsersPanel';
import { useConsoleRun } from './useConsoleRun';
import '../../components/apiPanels.css';

export interface MicroauthdConsoleProps {
  /** The AUTH server base URL (sandbox: `http://localhost:4500/microauthd`). */
  baseUrl: string;
  getToken: () => Promise<MicroauthdToken>;
  /** Send the calls through the local relay (servers that refuse browser CORS). */
  relay?: RelayRoute | undefined;
}

/** Builds the client once per configuration; a bad base URL becomes a message, not a crash. */
function useMicroauthdClient(
  { baseUrl, getToken, relay }: MicroauthdConsoleProps,
  onExchange: ReturnType<typeof useApiExchanges>['record'],
) {
  return useMemo((): { client?: MicroauthdClient; problem?: string } => {
    try {
      return { client: createMicroauthdClient({ baseUrl, getToken, onExchange, relay }) };
    } catch (error) {
      return { problem: error instanceof InputError ? error.message : 'The microauthd client could not be set up.' };
    }
  }, [baseUrl, getToken, onExchange, relay]);
}

/** What the result panel shows: a user's email masked, like the users table and the exchange view. */
function shownResult(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  return typeof v.email === 'string' ? { ...v, email: maskEmail(v.email) } : v;
}

function ConsoleOutcome({ failure, result }: { failure: unknown; result: { title: string; value: unknown } | undefined }) {
  return (
    <>
      {failure !== null && <MicroauthdErrorNotice error={failure} />}
      {result && (
        <section className="mfa-panel" aria-label="Result" role="status">
          <h4 className="api-exchange__title">{result.title}</h4>
          <JsonView value={shownResult(result.value)} label={result.title} />
        </section>
      )}
    </>
  );
}

/** The console. Inputs are validated by the client before any request; a 403 names the missing scope. */
export function MicroauthdConsole(props: MicroauthdConsoleProps) {
  const log = useApiExchanges();
  const setup = useMicroauthdClient(props, log.record);
  const [users, setUsers] = useState<MicroauthdUser[] | undefined>();
  const [userId, setUserId] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [prov, setProv] = useState<ProvisionFields>(EMPTY_PROVISION);
  const { errors, busy, failure, result, run } = useConsoleRun();

  if (!setup.client) {
    return (
      <InfoBox variant="error" title="microauthd is not configured" role="alert">
        {setup.problem} Check the base URL in step 1.
      </InfoBox>
    );
  }
  const client = setup.client;

  const provision = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run('provision', 'Provisioned user', async () => {
      const created = await client.provisionUser(prov);
      setProv(EMPTY_PROVISION);
      return created;
    });
  };

  return (
    <div className="microauthd-console">
      <UsersPanel users={users} busy={busy} onList={() => void run('list', '', async () => void setUsers(await client.listUsers()))} onPick={setUserId} />
      <OneUserPanel
        client={client}
        run={run}
        busy={busy}
        errors={errors}
        userId={userId}
        onUserIdChange={setUserId}
        newPassword={newPassword}
        onNewPasswordChange={setNewPassword}
      />
      <ProvisionUserForm value={prov} onChange={setProv} errors={errors} busy={busy} onSubmit={provision} />
      <ConsoleOutcome failure={failure} result={result} />
      <ApiExchangeList exchanges={log.exchanges} onClear={log.clear} />
    </div>
  );
}
