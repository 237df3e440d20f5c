// React over the flow session: one session per visit of the page (a new one after sign-out), started on mount,
// read with useSyncExternalStore; and the app stores' DPoP key and relay certificate, read the same way.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { AuthStores } from '../../../contexts/authStores';
import type { DpopKeyState } from '../../../contexts/dpopStore';
import type { HeldRelayCredential } from '../../../contexts/relayCredentialStore';
import { createFlowSession, type FlowSession, type FlowSessionOptions, type FlowSessionState } from '../model/flowSession';
import { validateFlowForm } from '../model/flowFormSchema';
import { validationContext } from '../model/session/sessionContext';

/** Makes the session once for this mount and starts it (loads keys and the sandbox; mirrors progress). */
export function useFlowSession(make: () => FlowSessionOptions): FlowSession {
  const [session] = useState(() => createFlowSession(make()));
  useEffect(() => session.start(), [session]);
  return session;
}

export function useFlowState(session: FlowSession): FlowSessionState {
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}

export function useDpopKeyState(stores: Pick<AuthStores, 'dpop'>): DpopKeyState {
  return useSyncExternalStore(stores.dpop.subscribe, stores.dpop.getSnapshot, stores.dpop.getSnapshot);
}

export function useHeldCertificate(stores: Pick<AuthStores, 'relayCredential'>): HeldRelayCredential | undefined {
  const { relayCredential } = stores;
  return useSyncExternalStore(relayCredential.subscribe, relayCredential.getSnapshot, relayCredential.getSnapshot);
}

/**
 * Whether step 1 is complete (no field errors): derived during render, but only when what it depends on changes,
 * because the page renders on every token run too.
 */
export function useConfigValid(state: FlowSessionState, held: boolean): boolean {
  const { form, secret, keys } = state;
  return useMemo(() => Object.keys(validateFlowForm(form, validationContext({ form, secret, keys }, held))).length === 0, [form, secret, keys, held]);
}
