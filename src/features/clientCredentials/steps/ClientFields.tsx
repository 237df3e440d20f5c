// Step 1's plain fields, each memoized by the slices it reads (sliceMemo.ts): the provider select, the client ID,
// and the audience and resource parameters. A key loading or the profile checks changing renders none of them.
import { FormField } from '../../../components/FormField';
import { PROVIDER_IDS, type ProviderId } from '../../../config/providerBasics';
import { PROVIDERS } from '../../../config/providers';
import { fieldId } from '../model/flowFormSchema';
import { requiredParameterOf } from '../model/hostedFields';
import { memoBySlices, type SliceView } from './sliceMemo';

const PROVIDER_OPTIONS: ReadonlyArray<[ProviderId, string]> = PROVIDER_IDS.map((id) => [id, PROVIDERS[id].label]);

const PROVIDER_SLICES = ['form', 'sources', 'setProvider'] as const;
const CLIENT_ID_SLICES = ['form', 'sources', 'errors', 'setField', 'touch', 'commitSecret'] as const;
const PARAMETER_SLICES = ['form', 'sources', 'errors', 'setField', 'touch'] as const;

export const ProviderSelect = memoBySlices(PROVIDER_SLICES, function ProviderSelect({ flow }: { flow: SliceView<(typeof PROVIDER_SLICES)[number]> }) {
  return (
    <FormField id={fieldId('provider')} label="Provider" source={flow.sources.provider} hint="Local sandbox works offline: a real OAuth server on your machine, shaped like PingOne.">
      {(control) => (
        <select {...control} className="input" value={flow.form.provider} onChange={(e) => void flow.setProvider(e.target.value as ProviderId)}>
          {PROVIDER_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
});

export const ClientIdField = memoBySlices(CLIENT_ID_SLICES, function ClientIdField({ flow }: { flow: SliceView<(typeof CLIENT_ID_SLICES)[number]> }) {
  return (
    <FormField id={fieldId('clientId')} label="Client ID" source={flow.sources.clientId} error={flow.errors.clientId}>
      {(control) => (
        <input {...control} className="input input--mono" spellCheck={false} autoComplete="off" value={flow.form.clientId} onChange={(e) => flow.setField('clientId', e.target.value)} onBlur={() => {
          flow.touch('clientId');
          flow.commitSecret();
        }} />
      )}
    </FormField>
  );
});

/** "Required by Auth0: …" for a parameter the provider row requires; undefined when it is optional. */
function requiredHint(provider: ProviderId, field: 'audience' | 'resource'): string | undefined {
  const required = requiredParameterOf(provider, field);
  return required && `Required by ${PROVIDERS[provider].label}. ${required.message}`;
}

export const ParameterFields = memoBySlices(PARAMETER_SLICES, function ParameterFields({ flow }: { flow: SliceView<(typeof PARAMETER_SLICES)[number]> }) {
  const { form } = flow;
  return (
    <>
      <FormField id={fieldId('audience')} label="Audience" source={flow.sources.audience} error={flow.errors.audience} hint={requiredHint(form.provider, 'audience') ?? 'Optional. Some servers (Auth0, PingOne API resources) pick the API by an audience parameter.'}>
        {(control) => <input {...control} className="input input--mono" spellCheck={false} aria-required={requiredHint(form.provider, 'audience') ? true : undefined} value={form.audience} onChange={(e) => flow.setField('audience', e.target.value)} onBlur={() => flow.touch('audience')} />}
      </FormField>
      <FormField id={fieldId('resource')} label="Resource" source={flow.sources.resource} error={flow.errors.resource} hint={requiredHint(form.provider, 'resource') ?? 'Optional RFC 8707 resource indicator: an absolute URI of the API, without a #fragment.'}>
        {(control) => <input {...control} className="input input--mono" type="url" spellCheck={false} aria-required={requiredHint(form.provider, 'resource') ? true : undefined} value={form.resource} onChange={(e) => flow.setField('resource', e.target.value)} onBlur={() => flow.touch('resource')} />}
      </FormField>
    </>
  );
});
