// The Client Credentials flow page: title, sandbox banner and the four-step flow, composed from the flow hook.
import { useContext } from 'react';
import { PROVIDERS } from '../../config/providers';
import { BreakItPanel } from '../../features/faults/BreakItPanel';
import { InfoBox } from '../../components/InfoBox';
import { StepByStepFlow, type FlowStep, type StepStatus } from '../../components/StepByStepFlow';
import { NewAuthContext, NewAuthProvider } from '../../contexts/NewAuthContext';
import { useNewAuth } from '../../hooks/useNewAuth';
import { ClientCredentialsTitle } from './ClientCredentialsTitle';
import { ConfigureStep } from '../../features/clientCredentials/steps/ConfigureStep';
import { RequestStep } from '../../features/clientCredentials/steps/RequestStep';
import { TokenStepSlot, UseTokenStepSlot } from '../../features/clientCredentials/steps/stepSlots';
import { useClientCredentialsFlow, type ClientCredentialsFlowOptions, type FlowController } from '../../features/clientCredentials/hooks/useClientCredentialsFlow';
import type { CacheSnapshotEntry } from '../../utils/tokenCache';
import { ExchangeSinkContext } from '../../contexts/ExchangeSinkContext';
import { FlowPictures } from '../../features/clientCredentials/steps/FlowPictures';
import { useApiTrail } from '../../features/clientCredentials/hooks/useFlowSequence';
import { isMtlsAuthMethod } from '../../types/token';
import '../../features/clientCredentials/steps/clientCredentials.css';
import { IconFlask, IconSend, IconSettings, IconShield, IconTicket } from '../../components/icons/objectIcons';

function statusOf(index: number, active: number, done: boolean, failed = false): StepStatus {
  if (failed) return 'error';
  if (index === active) return 'active';
  return done ? 'complete' : 'pending';
}

function configureStep(flow: FlowController, active: number): FlowStep {
  return {
    id: 'configure',
    title: 'Configure',
    icon: <IconSettings />,
    description: 'Pick a provider and tell it who you are: the client ID and how the client proves it (a secret or, better, a private key). Then choose the scopes the token should carry.',
    content: <ConfigureStep flow={flow} />,
    status: statusOf(0, active, flow.configValid && active > 0),
    canProceed: flow.configValid,
    action: {
      label: 'Check configuration',
      busyLabel: 'Checking…',
      busy: false,
      onClick: () => {
        if (!flow.checkConfiguration()) flow.setActiveIndex(1);
      },
    },
  };
}

function requestStep(flow: FlowController, active: number): FlowStep {
  return {
    id: 'request',
    title: 'Request',
    icon: <IconSend />,
    description: 'This is exactly what will be sent to the token endpoint: no redirect, no browser login, just one POST. Secrets are masked; reveal them only in the export if you must.',
    content: <RequestStep description={flow.preview.description} error={flow.preview.error} pending={flow.preview.pending} form={flow.form} onRefresh={flow.preview.refresh} />,
    status: statusOf(1, active, flow.preview.description !== null && active > 1),
    canProceed: flow.preview.description !== null,
  };
}

function tokenStep(flow: FlowController, active: number, currentToken: CacheSnapshotEntry | undefined): FlowStep {
  const { run } = flow.tokenRun;
  // The sandbox's warning banner and its fault panel: the provider table says which provider is a dev tool.
  const { devTools } = PROVIDERS[flow.form.provider];
  return {
    id: 'token',
    title: 'Token',
    icon: <IconTicket />,
    description: 'Send the request. Validate the received access token and store it securely.',
    content: (
      <>
        <TokenStepSlot
          run={run}
          onGetToken={() => void flow.getToken()}
          form={flow.form}
          description={flow.preview.description}
          management={{ state: flow.management, endpoints: flow.managementEndpoints }}
        />
        {devTools && <BreakItPanel sandboxUrl={flow.sandboxUrl} />}
      </>
    ),
    status: statusOf(2, active, run.status === 'success', run.status === 'error' && active !== 2),
    canProceed: run.status === 'success' || currentToken !== undefined,
    action: { label: 'Get token', busyLabel: 'Getting token…', busy: run.status === 'running', onClick: () => void flow.getToken() },
  };
}

function callApiStep(flow: FlowController, active: number, currentToken: CacheSnapshotEntry | undefined): FlowStep {
  const { run } = flow.tokenRun;
  return {
    id: 'use',
    title: 'Use the token',
    icon: <IconShield />,
    description: 'Call an API with the token as a Bearer credential and see what its scopes allow.',
    content: (
      <UseTokenStepSlot
        form={flow.form}
        token={run.record ?? currentToken?.record}
        sandboxInfo={flow.sandbox.info}
        sandboxUrl={flow.sandboxUrl}
        getWorkerToken={flow.getWorkerToken}
        requestedScopes={run.requestedScopes.length > 0 ? run.requestedScopes : flow.form.scopes}
      />
    ),
    status: statusOf(3, active, false),
    canProceed: true,
  };
}

function FlowBody(props: ClientCredentialsFlowOptions) {
  const flow = useClientCredentialsFlow(props);
  const { currentToken } = useNewAuth();
  const active = flow.activeIndex;
  const { devTools } = PROVIDERS[flow.form.provider];
  const steps = [configureStep(flow, active), requestStep(flow, active), tokenStep(flow, active, currentToken), callApiStep(flow, active, currentToken)];
  const trail = useApiTrail(flow.form.viaRelay || isMtlsAuthMethod(flow.form.authMethod));

  return (
    <div className="page cc-page">
      <ClientCredentialsTitle />
      {devTools && (
        <InfoBox variant="warning" role="note" icon={<IconFlask />} title="You're using the local sandbox" className="cc-sandbox-banner">
          A development server with in-memory state at <code>{flow.sandboxUrl}</code>. Its demo clients and keys are public: never
          enter real credentials while it is the provider.
        </InfoBox>
      )}
      <ExchangeSinkContext.Provider value={trail.record}>
        <StepByStepFlow steps={steps} activeIndex={active} onActiveIndexChange={flow.setActiveIndex} label="Client Credentials steps" />
      </ExchangeSinkContext.Provider>
      <FlowPictures run={flow.tokenRun.run} form={flow.form} description={flow.preview.description} trail={trail} />
    </div>
  );
}

/** Remounts the flow on sign-out (sessionEpoch), so secrets typed into it vanish with the stores' contents. */
function FlowWithSession(props: ClientCredentialsFlowOptions) {
  const { sessionEpoch } = useNewAuth();
  return <FlowBody key={sessionEpoch} {...props} />;
}

/** The `/flows/client-credentials` route. Uses the app's NewAuthProvider, or the default stores if none is mounted. */
export function ClientCredentialsFlow(props: ClientCredentialsFlowOptions = {}) {
  const auth = useContext(NewAuthContext);
  if (auth) return <FlowWithSession {...props} />;
  return (
    <NewAuthProvider>
      <FlowWithSession {...props} />
    </NewAuthProvider>
  );
}
