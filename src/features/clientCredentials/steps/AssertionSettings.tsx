// Step 1's Advanced client-authentication settings: `Assertion audience` and the `typ` box for the JWT methods, and
// the `Introspection endpoint` / `Revocation endpoint` fields (empty: discovery's or the provider row's).
import { FormField } from '../../../components/FormField';
import { PROVIDERS } from '../../../config/providers';
import {
  ASSERTION_AUDIENCE_LABELS,
  ASSERTION_AUDIENCES,
  assertionAudienceValue,
  assertionTypHeader,
  type AssertionAudience,
} from '../../../utils/oauth/assertionAudience';
import { RFC7523BIS_URL } from '../../../utils/oauth/assertionLint';
import { fieldId } from '../model/flowFormSchema';
import type { FlowForm } from '../model/flowTypes';
import { derivedManagementEndpointsOf } from '../model/session/managementActions';
import type { ConfigureView } from './configureView';

type View = Pick<ConfigureView, 'form' | 'sources' | 'errors' | 'discovery' | 'setField' | 'touch'>;

const JWT_METHODS: ReadonlySet<string> = new Set(['private_key_jwt', 'client_secret_jwt']);

/** The `aud` the mode gives at the token endpoint, or what is missing to know it. */
function audienceAtTokenEndpoint(form: FlowForm): string {
  try {
    const aud = assertionAudienceValue(form.assertionAudience, { issuer: form.issuer, tokenEndpoint: form.tokenEndpoint, endpoint: form.tokenEndpoint });
    return aud ? `At the token endpoint, "aud" is ${aud}.` : 'The token endpoint is not configured yet.';
  } catch {
    return 'The issuer is not known yet: enter it, or run discovery.';
  }
}

function AudienceField({ flow }: { flow: View }) {
  const { form } = flow;
  const documented = PROVIDERS[form.provider].assertionAudience;
  return (
    <FormField
      id={fieldId('assertionAudience')}
      label="Assertion audience"
      source={flow.sources.assertionAudience}
      hint={
        <>
          Which URL the assertion&apos;s <code>aud</code> names. RFC 7523bis allows only the issuer (<a href={RFC7523BIS_URL} target="_blank" rel="noreferrer">why</a>);
          older servers want the token endpoint, some the URL of each call (introspection and revocation included). {audienceAtTokenEndpoint(form)}
          {documented ? ` ${PROVIDERS[form.provider].label} documents the ${ASSERTION_AUDIENCE_LABELS[documented]}.` : ''}
        </>
      }
    >
      {(control) => (
        <select {...control} className="input" value={form.assertionAudience} onChange={(e) => flow.setField('assertionAudience', e.target.value as AssertionAudience)}>
          {ASSERTION_AUDIENCES.map((mode) => (
            <option key={mode} value={mode}>
              {ASSERTION_AUDIENCE_LABELS[mode]}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/**
 * A box, so the choice is "send or drop": ticked means `auto` (the type follows the mode) unless configuration
 * asked for `send`; unticked is `omit`. Its label must not contain the word the audience select is found by.
 */
function TypField({ flow }: { flow: View }) {
  const { form } = flow;
  const header = assertionTypHeader(form.assertionTyp, form.assertionAudience);
  const hintId = `${fieldId('assertionTyp')}-hint`;
  return (
    <div className="cc-field">
      <label className="cc-check">
        <input
          id={fieldId('assertionTyp')}
          type="checkbox"
          aria-describedby={hintId}
          checked={form.assertionTyp !== 'omit'}
          onChange={(e) => flow.setField('assertionTyp', e.target.checked ? 'auto' : 'omit')}
        />
        Send a typ header in the assertion
      </label>
      <p id={hintId} className="cc-field__hint">
        {header === null ? 'No typ is sent' : <>Sends <code>typ: {header}</code></>}. RFC 7523bis asks for <code>client-authentication+jwt</code> and tells
        servers not to refuse an untyped assertion; untick to see how a server treats one.
      </p>
    </div>
  );
}

const ENDPOINT_FIELDS = [
  ['introspectionEndpoint', 'Introspection endpoint', 'introspection'],
  ['revocationEndpoint', 'Revocation endpoint', 'revocation'],
] as const;

/** Typed by hand wins; the placeholder and hint show what an empty field means. */
function ManagementEndpointFields({ flow }: { flow: View }) {
  const derived = derivedManagementEndpointsOf(flow);
  return ENDPOINT_FIELDS.map(([field, label, kind]) => {
    const fallback = derived[kind];
    return (
      <FormField
        key={field}
        id={fieldId(field)}
        label={label}
        source={flow.sources[field]}
        error={flow.errors[field]}
        hint={fallback ? `Leave empty to use ${fallback}. Type one for a server that serves it without advertising it.` : `None is known from discovery or the provider; type it if the server has one.`}
      >
        {(control) => (
          <input
            {...control}
            className="input input--mono"
            type="url"
            spellCheck={false}
            autoComplete="off"
            placeholder={fallback ?? 'https://…'}
            value={flow.form[field]}
            onChange={(e) => flow.setField(field, e.target.value)}
            onBlur={() => flow.touch(field)}
          />
        )}
      </FormField>
    );
  });
}

/** The client-authentication part of step 1's Advanced section. */
export function AssertionSettings({ flow }: { flow: View }) {
  return (
    <>
      {JWT_METHODS.has(flow.form.authMethod) && (
        <>
          <AudienceField flow={flow} />
          <TypField flow={flow} />
        </>
      )}
      <ManagementEndpointFields flow={flow} />
    </>
  );
}
