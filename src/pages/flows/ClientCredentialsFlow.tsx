// The Client Credentials flow page: title, sandbox banner and the four-step flow, composed from the flow session.
// Each step receives what it shows; the session (features/clientCredentials/model/flowSession.ts) owns the state.
// Step 1 is in this chunk; steps 2–4 and the pictures come from flowParts.tsx, each loaded when first shown.
import { Suspense, useEffect, useState } from 'react';
import { PROVIDERS } from '../../config/providers';
import { InfoBox } from '../../components/InfoBox';
import { StepByStepFlow, type FlowStep, type StepStatus } from '../../components/StepByStepFlow';
import type { AuthStores } from '../../contexts/authStores';
import type { DpopKeyState } from '../../contexts/dpopStore';
import type { HeldRelayCredential } from '../../contexts/relayCredentialStore';
import { useAuthStores, useCurrentToken, useSessionEpoch } from '../../contexts/NewAuthContext';
import { ExchangeSinkContext } from '../../contexts/ExchangeSinkContext';
import { useConfig } from '../../hooks/useConfig';
import { ClientCredentialsTitle, FlowLoading } from './ClientCredentialsTitle';
import { ConfigureStep } from '../../features/clientCredentials/steps/ConfigureStep';
import { useConfigureView, type ConfigureView } from '../../features/clientCredentials/steps/configureView';
import { BreakItPanel, FLOW_PART_LOADERS, FlowPictures, RequestStep, stepLoading, TokenStepSlot, UseTokenStepSlot } from './flowParts';
import { firstInteraction, prefetchWhenIdle } from '../../prefetchWhenIdle';
import { useApiTrail } from '../../features/clientCredentials/hooks/useFlowSequence';
import { useConfigValid, useDpopKeyState, useFirstSandboxAnswer, useFlowSession, useFlowState, useHeldCertificate } from '../../features/clientCredentials/hooks/useFlowSession';
import type { FlowSession, FlowSessionState } from '../../features/clientCredentials/model/flowSession';
import { fieldId, type FormField } from '../../features/clientCredentials/model/flowFormSchema';
import { flowRulesReady } from '../../features/clientCredentials/model/flowRules';
import { createFlowPersistence, type FlowPersistence } from '../../features/clientCredentials/model/flowPersistence';
import { isPreviewPending } from '../../features/clientCredentials/model/session/previewActions';
import { managementEndpointsOf, managementUnavailableOf } from '../../features/clientCredentials/model/session/managementActions';
import { audienceSuggestionOf } from '../../features/clientCredentials/model/session/audienceActions';
import { readShareLink, SHARE_PARAM } from '../../features/clientCredentials/model/shareLink';
import { isMtlsAuthMethod } from '../../types/token';
import type { CacheSnapshotEntry } from '../../utils/tokenCache';
import '../../features/clientCredentials/steps/clientCredentials.css';
import { IconFlask, IconSend, IconSettings, IconShield, IconTicket } from '../../components/icons/objectIcons';

export interface ClientCredentialsFlowOptions {
  persistence?: FlowPersistence;
  /** Overrides `provider.sandboxUrl` from the configuration. */
  sandboxUrl?: string;
  /** The URL fragment to read a share link from (default: the page's, read once and then removed). */
  shareHash?: string;
}

function statusOf(index: number, active: number, done: boolean, failed = false): StepStatus {
  if (failed) return 'error';
  if (index === active) return 'active';
  return done ? 'complete' : 'pending';
}

function focusField(field: FormField) {
  // After React has rendered the error, so the message is announced with the focused field.
  queueMicrotask(() => document.getElementById(fieldId(field))?.focus());
}

/** Validates step 1 (submit); on a problem, focuses the first invalid field and returns false. */
function checked(session: FlowSession): boolean {
  const first = session.checkConfiguration();
  if (first) focusField(first);
  return first === undefined;
}

interface StepInputs {
  session: FlowSession;
  state: FlowSessionState;
  stores: AuthStores;
  active: number;
  configValid: boolean;
  currentToken: CacheSnapshotEntry | undefined;
  /** The pasted certificate the relay holds, and the DPoP key: read once per render from the app's stores. */
  held: HeldRelayCredential | undefined;
  dpopKey: DpopKeyState;
  /** Step 1's view: the same object until one of its slices changes, so steps 2–4 updates skip step 1. */
  configure: ConfigureView;
}

function configureStep({ session, active, configValid, configure }: StepInputs): FlowStep {
  return {
    id: 'configure',
    title: 'Configure',
    icon: <IconSettings />,
    description: 'Pick a provider and tell it who you are: the client ID and how the client proves it (a secret or, better, a private key). Then choose the scopes the token should carry.',
    content: <ConfigureStep flow={configure} />,
    status: statusOf(0, active, configValid && active > 0),
    canProceed: configValid,
    action: { label: 'Check configuration', busyLabel: 'Checking…', busy: false, onClick: () => checked(session) && session.setActiveIndex(1) },
  };
}

function requestStep({ session, state, stores, active }: StepInputs): FlowStep {
  const { preview } = state;
  return {
    id: 'request',
    title: 'Request',
    icon: <IconSend />,
    description: 'This is exactly what will be sent to the token endpoint: no redirect, no browser login, just one POST. Secrets are masked; reveal them only in the export if you must.',
    content: (
      <Suspense fallback={stepLoading}>
        <RequestStep description={preview.description} error={preview.error} pending={isPreviewPending(state)} form={state.form} onRefresh={session.refreshPreview} dpop={stores.dpop} />
      </Suspense>
    ),
    status: statusOf(1, active, preview.description !== null && active > 1),
    canProceed: preview.description !== null,
  };
}

/** The token run's error card offers the audience mode to try next, when the refusal calls for one. */
function tokenAudienceRetry(session: FlowSession, state: FlowSessionState) {
  const suggestion = audienceSuggestionOf(state, 'token');
  return suggestion && { suggestion, onTry: () => void session.retryWithAudience(suggestion.mode, 'token') };
}

/** The same for the introspection or revocation run on screen. */
function managementAudienceSuggestion(state: FlowSessionState) {
  const run = state.management.run;
  return run ? audienceSuggestionOf(state, run.kind === 'introspect' ? 'introspection' : 'revocation') : undefined;
}

function tokenStep({ session, state, stores, active, currentToken, held, dpopKey }: StepInputs): FlowStep {
  const { run, form } = state;
  const getToken = () => void (checked(session) && session.getToken());
  const running = run.status === 'running';
  return {
    id: 'token',
    title: 'Token',
    icon: <IconTicket />,
    description: 'Send the request. Validate the received access token and store it securely.',
    content: (
      <Suspense fallback={stepLoading}>
        <TokenStepSlot
          run={run}
          onGetToken={getToken}
          onCancel={running ? session.cancelToken : undefined}
          form={form}
          description={state.preview.description}
          relayUrl={session.relayUrl}
          onViaRelay={session.setViaRelay}
          history={stores.history}
          bindings={{ dpopJkt: dpopKey.status === 'ready' ? dpopKey.jkt : undefined, certificateThumbprint: held?.credential.x5tS256 }}
          cachedToken={currentToken?.record}
          management={{
            state: state.management, introspect: session.introspect, revoke: session.revoke, endpoints: managementEndpointsOf(state),
            unavailable: managementUnavailableOf(state), retryWithAudience: session.retryWithAudience,
            audienceSuggestion: managementAudienceSuggestion(state),
          }}
          audienceRetry={tokenAudienceRetry(session, state)}
        />
        {/* The sandbox's fault panel: the provider table says which provider is a dev tool. */}
        {PROVIDERS[form.provider].devTools && <BreakItPanel sandboxUrl={session.sandboxUrl} />}
      </Suspense>
    ),
    status: statusOf(2, active, run.status === 'success', run.status === 'error' && active !== 2),
    canProceed: run.status === 'success' || currentToken !== undefined,
    action: { label: 'Get token', busyLabel: 'Getting token…', busy: running, onClick: getToken },
  };
}

function callApiStep({ session, state, active, currentToken, held }: StepInputs): FlowStep {
  const { run, form } = state;
  return {
    id: 'use',
    title: 'Use the token',
    icon: <IconShield />,
    description: 'Call an API with the token as a Bearer credential and see what its scopes allow.',
    content: (
      <Suspense fallback={stepLoading}>
        <UseTokenStepSlot
          form={form}
          token={run.record ?? currentToken?.record}
          sandboxInfo={state.sandbox.info}
          sandboxUrl={session.sandboxUrl}
          relayUrl={session.relayUrl}
          mtlsCredential={held?.credential}
          getWorkerToken={session.getWorkerToken}
          requestedScopes={run.requestedScopes.length > 0 ? run.requestedScopes : form.scopes}
        />
      </Suspense>
    ),
    status: statusOf(3, active, false),
    canProceed: true,
  };
}

/** The page's share link, if it was opened through one: read during render (pure), the fragment dropped after mount. */
function useShareLink(shareHash: string | undefined) {
  const fromPage = shareHash === undefined;
  const [shared] = useState(() => {
    const hash = fromPage ? (typeof window === 'undefined' ? '' : window.location.hash) : shareHash;
    return hash.includes(`${SHARE_PARAM}=`) ? readShareLink(hash) : null;
  });
  useEffect(() => {
    if (fromPage && window.location.hash.includes(`${SHARE_PARAM}=`)) {
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    }
  }, [fromPage]);
  return shared;
}

/**
 * Whether the pictures under the steps have anything to draw: a token attempt, an introspection or revocation, or a
 * cached token (its lifetime). Once true it stays true, so the diagram keeps what it drew when the token goes.
 */
function usePicturesShown(state: FlowSessionState, currentToken: CacheSnapshotEntry | undefined): boolean {
  const [shown, setShown] = useState(false);
  const exchanged = currentToken !== undefined || state.run.attempts.length > 0 || state.management.run !== null;
  // Adjusting state while rendering (react.dev "storing information from previous renders"): no extra effect pass.
  if (exchanged && !shown) setShown(true);
  return shown || exchanged;
}

/**
 * Steps 2–4 and the pictures, fetched once the visitor starts on step 1 (each chunk in an idle period of its own), so
 * they are there by the time Check configuration is pressed. Not at load: evaluating them then cost the measured
 * mobile load about 200 ms of blocking time (Lighthouse, same-run A/B) for chunks a visitor may never open.
 */
function useLaterStepsPrefetch() {
  useEffect(() => {
    const unmounted = new AbortController();
    void prefetchWhenIdle(FLOW_PART_LOADERS, { start: () => firstInteraction(document, unmounted.signal) });
    return () => unmounted.abort();
  }, []);
}

/**
 * Makes the page's session: the stored progress and profiles are read and checked here. A component of its own, so
 * that React, rendering the page's first mount in slices, can yield between this and the page's own first render;
 * and the page waits here for the sandbox's first answer, so that its form renders once, filled.
 */
function FlowSessionHost({ stores, options }: { stores: AuthStores; options: ClientCredentialsFlowOptions }) {
  const config = useConfig();
  const shared = useShareLink(options.shareHash);
  const session = useFlowSession(() => ({
    stores, config, shared, sandboxUrl: options.sandboxUrl, persistence: options.persistence ?? createFlowPersistence(),
  }));
  const answered = useFirstSandboxAnswer(session);
  return answered ? <FlowBody stores={stores} session={session} /> : <FlowLoading />;
}

function FlowBody({ stores, session }: { stores: AuthStores; session: FlowSession }) {
  const state = useFlowState(session);
  const dpopKey = useDpopKeyState(stores);
  const held = useHeldCertificate(stores);
  const currentToken = useCurrentToken(stores);
  const configValid = useConfigValid(state, held !== undefined);
  const active = state.activeIndex;
  const configure = useConfigureView(session, state, held?.credential, dpopKey);
  const inputs: StepInputs = { session, state, stores, active, configValid, currentToken, held, dpopKey, configure };
  const steps = [configureStep(inputs), requestStep(inputs), tokenStep(inputs), callApiStep(inputs)];
  const trail = useApiTrail(state.form.viaRelay || isMtlsAuthMethod(state.form.authMethod));
  const picturesShown = usePicturesShown(state, currentToken);
  useLaterStepsPrefetch();

  return (
    <div className="page cc-page">
      <ClientCredentialsTitle />
      {PROVIDERS[state.form.provider].devTools && (
        <InfoBox variant="warning" role="note" icon={<IconFlask />} title="You're using the local sandbox" className="cc-sandbox-banner">
          A development server with in-memory state at <code>{session.sandboxUrl}</code>. Its demo clients and keys are public: never
          enter real credentials while it is the provider.
        </InfoBox>
      )}
      <ExchangeSinkContext.Provider value={trail.record}>
        <StepByStepFlow steps={steps} activeIndex={active} onActiveIndexChange={session.setActiveIndex} label="Client Credentials steps" />
      </ExchangeSinkContext.Provider>
      {picturesShown && (
        <Suspense fallback={null}>
          <FlowPictures run={state.run} management={state.management.run} form={state.form} description={state.preview.description} trail={trail} stores={stores} />
        </Suspense>
      )}
    </div>
  );
}

/**
 * What the route calls once this chunk has loaded, before the page renders: the form's rules and those of the
 * sandbox's answer are built, a step per task (flowRules.ts), so the session's making in the page's first render and
 * the answer's arrival find them ready.
 */
export function prepareFlowPage(): void {
  void flowRulesReady();
}

/** The `/flows/client-credentials` route: a new session after every sign-out (in this tab or another). */
export function ClientCredentialsFlow(props: ClientCredentialsFlowOptions = {}) {
  const stores = useAuthStores();
  const epoch = useSessionEpoch(stores);
  return <FlowSessionHost key={epoch} stores={stores} options={props} />;
}
