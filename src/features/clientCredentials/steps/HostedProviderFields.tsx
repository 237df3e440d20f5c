// Step 1 for a hosted provider row (Entra ID, Auth0, Okta, Keycloak, Cognito): the row's own fields rendered from its
// data, the token endpoint they give, discovery where the row has a discovery document, and what to know first.
import { CollapsibleSection } from '../../../components/CollapsibleSection';
import { FormField } from '../../../components/FormField';
import { PROVIDERS } from '../../../config/providers';
import type { ProviderField, ProviderQuirk } from '../../../config/providers/types';
import { fieldId, type FieldErrors } from '../model/flowFormSchema';
import { providerFieldRef } from '../model/hostedFields';
import type { ConfigureView } from './configureView';
import { DiscoverButton, DiscoveryResult, TokenEndpointField } from './EndpointFields';

export interface HostedFieldsProps {
  fields: readonly ProviderField[];
  values: Readonly<Record<string, string>>;
  errors: FieldErrors;
  /** Where the row's values came from (typed, share link…): one source for the row. */
  source?: string | undefined;
  onChange(key: string, value: string): void;
  onBlur(key: string): void;
}

/**
 * A row's fields, each labelled exactly as the row names it (the product spec's accessible names), with the row's
 * help text and its field-level error. What is typed stays as typed, also while it shows an error.
 */
export function HostedFields({ fields, values, errors, source, onChange, onBlur }: HostedFieldsProps) {
  return (
    <>
      {fields.map((field) => {
        const ref = providerFieldRef(field.key);
        return (
          <FormField key={field.key} id={fieldId(ref)} label={field.label} source={source} error={errors[ref]} hint={field.help}>
            {(control) => (
              <input
                {...control}
                className="input input--mono"
                spellCheck={false}
                autoComplete="off"
                aria-required
                placeholder={field.placeholder}
                value={values[field.key] ?? ''}
                onChange={(e) => onChange(field.key, e.target.value)}
                onBlur={() => onBlur(field.key)}
              />
            )}
          </FormField>
        );
      })}
    </>
  );
}

/** The row's quirks, each with the page that documents it. */
function Quirks({ label, quirks }: { label: string; quirks: readonly ProviderQuirk[] }) {
  if (quirks.length === 0) return null;
  return (
    <CollapsibleSection title={`What to know about ${label}`}>
      <ul className="cc-quirks">
        {quirks.map((q) => (
          <li key={q.text}>
            {q.text}{' '}
            <a href={q.source} target="_blank" rel="noreferrer noopener">
              source
            </a>
          </li>
        ))}
      </ul>
    </CollapsibleSection>
  );
}

/** The hosted row of the form's provider: its fields, then the endpoints they give. */
/** What the hosted rows' fields read of step 1's view. */
export type HostedView = Pick<ConfigureView, 'form' | 'sources' | 'errors' | 'discovery' | 'setProviderField' | 'setField' | 'touch' | 'discover'>;

export function HostedProviderFields({ flow }: { flow: HostedView }) {
  const { form } = flow;
  const entry = PROVIDERS[form.provider];
  if (!entry.hosted) return null;
  const discoveryUrl = form.issuerOrDiscoveryUrl;
  return (
    <>
      <HostedFields
        fields={entry.hosted.fields}
        values={form.providerFields}
        errors={flow.errors}
        source={flow.sources.providerFields}
        onChange={flow.setProviderField}
        onBlur={(key) => flow.touch(providerFieldRef(key))}
      />
      <TokenEndpointField
        flow={flow}
        readOnly
        hint={form.tokenEndpoint === '' ? `Filled from the fields above: ${entry.tokenEndpointTemplate}` : `Built from the fields above, as ${entry.label} documents it.`}
      />
      {discoveryUrl !== '' && (
        <div className="cc-actions-row">
          <DiscoverButton flow={flow} />
          <span className="cc-muted">
            Reads <code>{discoveryUrl}</code> for the issuer, the JWKS and the server&apos;s features.
          </span>
        </div>
      )}
      <DiscoveryResult flow={flow} />
      <Quirks label={entry.label} quirks={entry.hosted.quirks} />
    </>
  );
}
