// Step 1 (Configure): provider, client, authentication (secret or key), scopes, audience, resource, advanced.
// Each section is memoized by the slices of the view it reads (sliceMemo.ts), so typing in one renders only it.
import { memo, startTransition, useEffect, useState } from 'react';
import { CollapsibleSection } from '../../../components/CollapsibleSection';
import { CopyButton } from '../../../components/CopyButton';
import { InfoBox } from '../../../components/InfoBox';
import { ScopeChips } from '../../../components/ScopeChips';
import { SecretInput } from '../../../components/SecretInput';
import { mergeWorkerScopes } from '../../../config/pingone';
import { PROVIDERS } from '../../../config/providers';
import { useConfig } from '../../../hooks/useConfig';
import { isMtlsAuthMethod, type AuthMethod } from '../../../types/token';
import { FIELD_LABELS, fieldId, SECRET_METHODS } from '../model/flowFormSchema';
import type { SaveResult } from '../model/flowPersistence';
import { FormField } from '../../../components/FormField';
import { KeyManager } from './KeyManager';
import { CertificateSetting, mtlsMethodNote, RelaySetting } from './RelayFields';
import { DpopSetting } from './DpopSetting';
import { AssertionSettings } from './AssertionSettings';
import { ProfileChecksPanel } from './ProfileChecksPanel';
import { offeredAuthMethods } from '../model/providerPresets';
import { ProviderFields } from './ProviderFields';
import { ScopeHelperFields } from './ScopeHelperFields';
import { ProfileBar } from './ProfileBar';
import { createShareLink } from '../model/shareLink';
import type { ConfigureView } from './configureView';
import { memoBySlices, type SliceView } from './sliceMemo';
import { ClientIdField, ParameterFields, ProviderSelect } from './ClientFields';
import type { NumericField } from '../model/flowFormSchema';

const ADVANCED: ReadonlyArray<[NumericField, string, string]> = [
  ['proactiveRefreshSeconds', 'Proactive refresh (seconds before expiry)', '0–3600. The cache fetches a new token this long before the current one expires.'],
  ['assertionLifetimeSeconds', 'Assertion lifetime (seconds)', '1–60. How long a signed client assertion stays valid; at most 60 s.'],
  ['clockSkewSeconds', 'Clock-skew tolerance (seconds)', '0–300. Leeway when checking exp, iat and nbf of the token.'],
];

const AUTH_METHOD_SLICES = ['form', 'sources', 'errors', 'discovery', 'setAuthMethod', 'touch', 'setDiscoveryOverride'] as const;
const SECRET_SLICES = ['errors', 'secret', 'rememberSecret', 'changeSecret', 'touch', 'commitSecret', 'changeRemember'] as const;
const SCOPES_SLICES = ['form', 'sources', 'errors', 'setField', 'touch'] as const;
const ADVANCED_SLICES = ['form', 'sources', 'errors', 'numberDrafts', 'discovery', 'setNumberField', 'setField', 'touch'] as const;
const DPOP_SLICES = ['form', 'dpopKey', 'setDpop', 'renewDpopKey'] as const;

const AuthMethodField = memoBySlices(AUTH_METHOD_SLICES, function AuthMethodField({ flow }: { flow: SliceView<(typeof AUTH_METHOD_SLICES)[number]> }) {
  const byDiscovery = PROVIDERS[flow.form.provider].narrowsByDiscovery;
  const advertised = byDiscovery ? flow.discovery.result?.metadata.token_endpoint_auth_methods_supported : undefined;
  const offered = offeredAuthMethods(flow.form.provider, advertised, flow.discovery.override);
  const narrowedByDiscovery = byDiscovery && advertised !== undefined;
  return (
    <>
      <FormField
        id={fieldId('authMethod')}
        label="Authentication method"
        source={flow.sources.authMethod}
        error={flow.errors.authMethod}
        hint={[
          offered.narrowed && narrowedByDiscovery ? `Only what the server advertises: ${advertised?.join(', ')}.` : 'private_key_jwt is the strongest: no shared secret ever travels.',
          offered.options.some(isMtlsAuthMethod) ? mtlsMethodNote(flow) : undefined,
        ].filter(Boolean).join(' ')}
      >
        {(control) => (
          <select {...control} className="input" value={flow.form.authMethod} onChange={(e) => flow.setAuthMethod(e.target.value as AuthMethod)} onBlur={() => flow.touch('authMethod')}>
            {!offered.options.includes(flow.form.authMethod) && <option value={flow.form.authMethod}>{flow.form.authMethod}</option>}
            {offered.options.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {narrowedByDiscovery && (
        <label className="cc-check">
          <input type="checkbox" checked={flow.discovery.override} onChange={(e) => flow.setDiscoveryOverride(e.target.checked)} />
          Show every method and algorithm (override discovery: some servers advertise badly)
        </label>
      )}
    </>
  );
});

const SecretField = memoBySlices(SECRET_SLICES, function SecretField({ flow }: { flow: SliceView<(typeof SECRET_SLICES)[number]> }) {
  return (
    <FormField
      id={fieldId('clientSecret')}
      label="Client secret"
      error={flow.errors.clientSecret}
      hint="Kept in memory only, unless you tick “Remember on this device”. Never logged, never put in a URL."
    >
      {(control) => (
        <>
          <SecretInput {...control} revealName="client secret" value={flow.secret} onChange={(e) => flow.changeSecret(e.target.value)} onBlur={() => {
            flow.touch('clientSecret');
            flow.commitSecret();
          }} />
          <label className="cc-check">
            <input type="checkbox" checked={flow.rememberSecret} onChange={(e) => flow.changeRemember(e.target.checked)} />
            Remember on this device
          </label>
          {flow.rememberSecret && (
            <InfoBox variant="security" title="Stored in this browser's localStorage">
              Any script on this origin can read it. Fine for a playground; never do this with production secrets. Sign out removes it.
            </InfoBox>
          )}
        </>
      )}
    </FormField>
  );
});

const STORAGE_PROBLEMS: Record<Extract<SaveResult, { ok: false }>['reason'], string> = {
  quota: "this browser's storage is full",
  unavailable: 'this browser blocks storage for this site',
  error: 'the browser refused to store them',
};

/** Says what will not survive a reload, instead of dropping it silently. */
const SaveProblem = memo(function SaveProblem({ result }: { result: SaveResult | null }) {
  if (!result || (result.ok && result.notSaved.length === 0)) return null;
  const names = [...new Set(result.notSaved.map((f) => FIELD_LABELS[f]))];
  return (
    <InfoBox variant="warning" role="status" title="Not everything will survive a reload">
      {!result.ok && <p>Your changes will not survive a reload: {STORAGE_PROBLEMS[result.reason]}.</p>}
      {names.length > 0 && (
        <p>
          {names.join(', ')} {names.length === 1 ? 'is' : 'are'} not kept for a reload: longer than the field allows. {result.ok && 'Everything else you changed is saved.'}
        </p>
      )}
    </InfoBox>
  );
});

/** Scopes as chips, with the provider's least-privilege preset when it has default scopes. */
const ScopesField = memoBySlices(SCOPES_SLICES, function ScopesField({ flow }: { flow: SliceView<(typeof SCOPES_SLICES)[number]> }) {
  const { defaultScopes, hosted } = PROVIDERS[flow.form.provider];
  // The preset is the provider's default scopes plus VITE_PINGONE_EXTRA_SCOPES / settings (deduplicated, order kept).
  const extraScopes = useConfig().config.provider.pingone.extraScopes;
  return (
    <>
      <FormField
        id={fieldId('scopes')}
        label="Scopes"
        source={flow.sources.scopes}
        error={flow.errors.scopes}
        hint="Press Enter, space or comma to add a scope. Ask only for what the calls in step 4 need."
      >
        {(control) => (
          <ScopeChips
            id={control.id}
            describedBy={control['aria-describedby']}
            invalid={control['aria-invalid']}
            value={flow.form.scopes}
            onChange={(scopes) => flow.setField('scopes', scopes)}
            onBlur={() => flow.touch('scopes')}
          />
        )}
      </FormField>
      {defaultScopes.length > 0 && (
        <div className="cc-actions-row">
          <button type="button" className="btn btn--secondary" onClick={() => flow.setField('scopes', mergeWorkerScopes(defaultScopes, extraScopes))}>
            MFA device management — least privilege
          </button>
        </div>
      )}
      {hosted?.scopeHelper && (
        <ScopeHelperFields key={flow.form.provider} helper={hosted.scopeHelper} scopes={flow.form.scopes} onAdd={(scope) => flow.setField('scopes', [...flow.form.scopes, scope])} />
      )}
    </>
  );
});

/** Advanced numbers, typed as text so an invalid draft stays on screen with its error. */
const AdvancedFields = memoBySlices(ADVANCED_SLICES, function AdvancedFields({ flow }: { flow: SliceView<(typeof ADVANCED_SLICES)[number]> }) {
  const hasAdvancedError = ADVANCED.some(([field]) => flow.errors[field]) || Boolean(flow.errors.introspectionEndpoint || flow.errors.revocationEndpoint);
  const { form } = flow;
  return (
  <CollapsibleSection title="Advanced" forceOpen={hasAdvancedError}>
    {ADVANCED.map(([field, label, hint]) => (
      <FormField key={field} id={fieldId(field)} label={label} source={flow.sources[field]} error={flow.errors[field]} hint={hint}>
        {(control) => (
          <input
            {...control}
            className="input"
            // Text, not type=number: a browser blanks an invalid number, and the typed text must stay with its error.
            type="text"
            inputMode="numeric"
            value={flow.numberDrafts[field] ?? String(form[field])}
            onChange={(e) => flow.setNumberField(field, e.target.value)}
            onBlur={() => flow.touch(field)}
          />
        )}
      </FormField>
    ))}
    <AssertionSettings flow={flow} />
  </CollapsibleSection>
  );
});

const DpopSection = memoBySlices(DPOP_SLICES, DpopSetting);
const ProfileChecks = memo(ProfileChecksPanel);

/**
 * Step 1; the page hands it the same view object until a slice changes, so steps 2–4 updates skip it.
 *
 * The form commits in three parts: the provider, the client and its authentication first; then the transport, DPoP
 * and scopes; then the parameters, the advanced fields, the checks and the share link. Creating and laying out the
 * whole form in one commit was one of the longest tasks of the page's load on the mobile preset (issue 24), and in two
 * parts the second one's layout was still one of the tasks Lighthouse's simulation keeps (10 ms or more in its trace);
 * each later part is a transition of its own, rendered after the one before has been committed.
 */
export const ConfigureStep = memo(function ConfigureStep({ flow }: { flow: ConfigureView }) {
  const { form } = flow;
  const part = useCommittedInParts(LATER_PARTS);
  return (
    <form className="cc-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <ProfileBar flow={flow} />
      <ProviderSelect flow={flow} />
      <ProviderFields flow={flow} />

      <ClientIdField flow={flow} />
      <AuthMethodField flow={flow} />
      {SECRET_METHODS.includes(form.authMethod) && <SecretField flow={flow} />}
      {form.authMethod === 'private_key_jwt' && <KeyManager flow={flow} />}
      {part >= 1 && <TransportAndScopes flow={flow} />}
      {part >= 2 && <ConfigureRest flow={flow} />}
    </form>
  );
});

/** The parts after the first. */
const LATER_PARTS = 2;

/**
 * 0 in the first commit, then one more after each commit, up to `parts`: each step a transition of its own (a render
 * and commit after the one before).
 */
function useCommittedInParts(parts: number): number {
  const [part, setPart] = useState(0);
  useEffect(() => {
    if (part < parts) startTransition(() => setPart(part + 1));
  }, [part, parts]);
  return part;
}

function TransportAndScopes({ flow }: { flow: ConfigureView }) {
  return (
    <>
      <CertificateSetting flow={flow} />
      <RelaySetting flow={flow} />
      <DpopSection flow={flow} />

      <ScopesField flow={flow} />
    </>
  );
}

function ConfigureRest({ flow }: { flow: ConfigureView }) {
  const { form } = flow;
  return (
    <>
      <ParameterFields flow={flow} />

      <AdvancedFields flow={flow} />
      <ProfileChecks checks={flow.profileChecks} />
      <SaveProblem result={flow.lastSave} />
      <div className="cc-share">
        <CopyButton label="Copy share link" text={() => createShareLink(form, window.location.href)} />
        <p className="cc-field__hint">A link that opens this configuration ({PROVIDERS[form.provider].label}). It never contains a secret or a key.</p>
      </div>
    </>
  );
}
