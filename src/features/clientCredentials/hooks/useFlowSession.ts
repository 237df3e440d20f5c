// React over the flow session: one session per visit of the page (a new one after sign-out), started on mount,
// read with useSyncExternalStore; and the app stores' DPoP key and relay certificate, read the same way.
import { useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { AuthStores } from '../../../contexts/authStores';
import type { DpopKeyState } from '../../../contexts/dpopStore';
import type { HeldRelayCredential } from '../../../contexts/relayCredentialStore';
import { createFlowSession, type FlowSession, type FlowSessionOptions, type FlowSessionState } from '../model/flowSession';
import { validateFlowForm } from '../model/flowFormSchema';
import { validationContext } from '../model/session/sessionContext';
import { effects } from '../../../utils/effects';

/** Makes the session once for this mount and starts it (loads keys and the sandbox; mirrors progress). */
export function useFlowSession(make: () => FlowSessionOptions): FlowSession {
  const [session] = useState(() => createFlowSession(make()));
  useEffect(() => session.start(), [session]);
  return session;
}

/** How long the page waits for the sandbox's first answer before it shows the form without it. */
export const SANDBOX_WAIT_MS = 1000;

/**
 * Whether the page can show its form: once the sandbox's first answer is in (info or failure), or after
 * SANDBOX_WAIT_MS, or at once when the provider is not the sandbox. The form then renders once, already filled from
 * /sandbox/info, instead of twice: the fill's re-render came as a synchronous store update (useSyncExternalStore)
 * and was the longest task of the page's load (issue 24). Deferred, the form's first render is a transition React
 * renders in slices. Once true it stays true: a later reload of the sandbox does not hide the form.
 */
export function useFirstSandboxAnswer(session: FlowSession): boolean {
  const loading = useSyncExternalStore(session.subscribe, () => session.getSnapshot().sandbox.status === 'loading');
  const [answered, setAnswered] = useState(!loading);
  // Adjusting state while rendering (react.dev "storing information from previous renders"): no extra effect pass.
  if (!loading && !answered) setAnswered(true);
  useEffect(() => {
    if (answered) return;
    const { clock } = effects();
    const timer = clock.setTimeout(() => setAnswered(true), SANDBOX_WAIT_MS);
    return () => clock.clearTimeout(timer);
  }, [answered]);
  return useDeferredValue(answered);
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
 * because the page renders on every token run too. Deferred: the page's first render says "not yet" and the answer
 * comes in a render of its own right after, as it does after each change. Building every field's rule and checking
 * them all was part of the flow's first render, one of the long main-thread tasks of the mobile load (issue 24); the
 * step's own button validates again when pressed, so a stale answer never lets a bad form through.
 */
export function useConfigValid(state: FlowSessionState, held: boolean): boolean {
  const { form, secret, keys } = state;
  const inputs = useMemo(() => ({ form, secret, keys, held }), [form, secret, keys, held]);
  const deferred = useDeferredValue<typeof inputs | null>(inputs, null);
  return useMemo(
    () => deferred !== null && Object.keys(validateFlowForm(deferred.form, validationContext(deferred, deferred.held))).length === 0,
    [deferred],
  );
}
