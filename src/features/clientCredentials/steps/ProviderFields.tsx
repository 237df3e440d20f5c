// Step 1, provider part: Local sandbox (demo clients), PingOne (region + environment), microauthd, the hosted rows
// (their own fields, HostedProviderFields.tsx), Custom (discovery).
import { InfoBox } from '../../../components/InfoBox';
import { MICROAUTHD_AUTH_METHODS_NOTE } from '../../../config/microauthd';
import { PINGONE_REGIONS } from '../../../config/pingoneRegions';
import { SANDBOX_START_COMMANDS, type SandboxClient } from '../../../services/sandboxAdmin';
import { FormField } from '../../../components/FormField';
import { sandboxClientsFor } from '../model/providerPresets';
import type { ProviderId } from '../../../config/providerBasics';
import { memoBySlices, type SliceView } from './sliceMemo';
import { fieldId } from '../model/flowFormSchema';
import { DiscoverButton, DiscoveryResult, TokenEndpointField } from './EndpointFields';
import { HostedProviderFields } from './HostedProviderFields';

/** Everything the provider part reads: a change of the secret, the keys or the profiles does not render it. */
const PROVIDER_SLICES = [
  'form', 'sources', 'errors', 'sandbox', 'discovery', 'sandboxUrl',
  'setField', 'touch', 'reloadSandbox', 'selectDemoClient', 'setPingOneField', 'setMicroauthdBase', 'setProviderField', 'discover',
] as const;
type ConfigureView = SliceView<(typeof PROVIDER_SLICES)[number]>;

function SandboxFields({ flow }: { flow: ConfigureView }) {
  const { sandbox } = flow;
  if (sandbox.status === 'unreachable') {
    return (
      <InfoBox variant="error" role="alert" title="We can't reach the local sandbox">
        <p>{sandbox.error}</p>
        <p>
          Start it in a terminal with <code>{SANDBOX_START_COMMANDS.alone}</code> (or <code>{SANDBOX_START_COMMANDS.withApp}</code> to run the
          sandbox and the app together), then try again.
        </p>
        <button type="button" className="btn btn--secondary" onClick={() => void flow.reloadSandbox()}>
          Try again
        </button>
      </InfoBox>
    );
  }
  const clients = sandboxClientsFor(sandbox.info, 'sandbox');
  return (
    <>
      {sandbox.status === 'loading' && <p role="status">Reading the sandbox at {flow.sandboxUrl}…</p>}
      <FormField id={fieldId('environmentId')} label="Environment ID" source={flow.sources.environmentId} error={flow.errors.environmentId}>
        {(control) => <input {...control} className="input input--mono" readOnly value={flow.form.environmentId} />}
      </FormField>
      <TokenEndpointField flow={flow} readOnly hint="Filled from the sandbox's /sandbox/info." />
      <DemoClientPicker flow={flow} clients={clients} ownLabel={`Your own client (${flow.form.clientId || 'none'})`} optionLabel={(c) => `${c.client_id} · ${c.token_endpoint_auth_method}`} />
    </>
  );
}

interface DemoClientPickerProps {
  flow: ConfigureView;
  clients: readonly SandboxClient[];
  /** The empty option, shown while the form's client is none of the demo clients. */
  ownLabel: string;
  optionLabel(client: SandboxClient): string;
}

/** The sandbox's demo clients for this provider; picking one fills its ID, method, scopes and secret. */
function DemoClientPicker({ flow, clients, ownLabel, optionLabel }: DemoClientPickerProps) {
  if (clients.length === 0) return null;
  const current = clients.find((c) => c.client_id === flow.form.clientId);
  return (
    <FormField id="cc-demoClient" label="Demo client" hint={current?.purpose}>
      {(control) => (
        <select {...control} className="input" value={current ? flow.form.clientId : ''} onChange={(e) => void flow.selectDemoClient(e.target.value)}>
          {!current && <option value="">{ownLabel}</option>}
          {clients.map((c) => (
            <option key={c.client_id} value={c.client_id}>
              {optionLabel(c)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

function PingOneFields({ flow }: { flow: ConfigureView }) {
  const { form } = flow;
  const template = form.tokenEndpoint === '';
  return (
    <>
      <FormField id={fieldId('region')} label="Region" source={flow.sources.region} error={flow.errors.region}>
        {(control) => (
          <select {...control} className="input" value={form.region} onChange={(e) => flow.setPingOneField('region', e.target.value)}>
            {PINGONE_REGIONS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id={fieldId('environmentId')}
        label="Environment ID"
        source={flow.sources.environmentId}
        error={flow.errors.environmentId}
        hint="A UUID: PingOne admin console → Environment → Settings → Environment ID."
      >
        {(control) => (
          <input
            {...control}
            className="input input--mono"
            spellCheck={false}
            placeholder="3f2b0c1e-6c0d-4e4b-9a57-1c2d3e4f5a6b"
            value={form.environmentId}
            onChange={(e) => flow.setPingOneField('environmentId', e.target.value)}
            onBlur={() => flow.touch('environmentId')}
          />
        )}
      </FormField>
      <TokenEndpointField
        flow={flow}
        readOnly
        hint={template ? 'Derived from the region and environment ID once the ID is a UUID.' : `Discovery: ${form.issuer}/.well-known/openid-configuration`}
      />
    </>
  );
}

function MicroauthdFields({ flow }: { flow: ConfigureView }) {
  const clients = sandboxClientsFor(flow.sandbox.info, 'microauthd');
  return (
    <>
      <FormField id={fieldId('issuerOrDiscoveryUrl')} label="microauthd base URL" source={flow.sources.issuerOrDiscoveryUrl} error={flow.errors.issuerOrDiscoveryUrl}>
        {(control) => (
          <input {...control} className="input input--mono" type="url" spellCheck={false} value={flow.form.issuerOrDiscoveryUrl} onChange={(e) => flow.setMicroauthdBase(e.target.value)} onBlur={() => flow.touch('issuerOrDiscoveryUrl')} />
        )}
      </FormField>
      <TokenEndpointField flow={flow} />
      <DemoClientPicker flow={flow} clients={clients} ownLabel="Your own client" optionLabel={(c) => c.client_id} />
      <InfoBox variant="info" title="Why only two authentication methods?">
        {MICROAUTHD_AUTH_METHODS_NOTE}
      </InfoBox>
    </>
  );
}

function CustomFields({ flow }: { flow: ConfigureView }) {
  return (
    <>
      <FormField
        id={fieldId('issuerOrDiscoveryUrl')}
        label="Issuer or discovery URL"
        source={flow.sources.issuerOrDiscoveryUrl}
        error={flow.errors.issuerOrDiscoveryUrl}
        hint="Discovery reads /.well-known/openid-configuration and fills the token endpoint. Or leave this empty and type the token endpoint."
      >
        {(control) => (
          <div className="cc-inline">
            <input {...control} className="input input--mono" type="url" spellCheck={false} placeholder="https://auth.example.com" value={flow.form.issuerOrDiscoveryUrl} onChange={(e) => flow.setField('issuerOrDiscoveryUrl', e.target.value)} onBlur={() => flow.touch('issuerOrDiscoveryUrl')} />
            <DiscoverButton flow={flow} />
          </div>
        )}
      </FormField>
      <DiscoveryResult flow={flow} />
      <TokenEndpointField flow={flow} />
    </>
  );
}

const FIELDS_BY_PROVIDER: Record<ProviderId, (props: { flow: ConfigureView }) => React.JSX.Element | null> = {
  sandbox: SandboxFields,
  pingone: PingOneFields,
  microauthd: MicroauthdFields,
  // The hosted rows: one generic component over the row's data (config/providers/*.ts).
  entra: HostedProviderFields,
  auth0: HostedProviderFields,
  okta: HostedProviderFields,
  keycloak: HostedProviderFields,
  cognito: HostedProviderFields,
  custom: CustomFields,
};

/** The fields of the chosen provider preset. */
export const ProviderFields = memoBySlices(PROVIDER_SLICES, function ProviderFields({ flow }: { flow: ConfigureView }) {
  const Fields = FIELDS_BY_PROVIDER[flow.form.provider];
  return <Fields flow={flow} />;
});
