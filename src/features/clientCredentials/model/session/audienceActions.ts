// The error card's audience suggestion in the session: which mode to try after a refused JWT client authentication
// (derived from the failed run), and the one action that sets it and sends the refused call again.
import type { AssertionAudience } from '../../../../utils/oauth/assertionAudience';
import { suggestAudienceMode, type AudienceSuggestion, type EndpointKind } from '../../../../utils/oauth/audienceSuggestion';
import type { FormActions } from './formActions';
import type { ManagementActions } from './managementActions';
import type { SessionContext } from './sessionContext';
import type { FlowSessionState, ManagementKind } from './sessionState';
import type { TokenActions } from './tokenActions';

/** Where the form's mode came from when the error card set it (the field's source badge says so). */
export const SUGGESTION_SOURCE = 'error card';

export interface AudienceActions {
  /**
   * Sets `Assertion audience` to `mode` (kept for every later call) and sends the refused call again: a token
   * request, or the introspection / revocation of the token the refused run was about. Nothing else in the form changes.
   */
  retryWithAudience(mode: AssertionAudience, kind: EndpointKind): Promise<void>;
}

const MANAGEMENT_KIND: Readonly<Record<Exclude<EndpointKind, 'token'>, ManagementKind>> = { introspection: 'introspect', revocation: 'revoke' };

/** The failed run at `at` (the token run, or the management run of that kind), if the last one failed. */
function failedRun(s: Pick<FlowSessionState, 'run' | 'management'>, at: EndpointKind) {
  if (at === 'token') return s.run.status === 'error' ? s.run : undefined;
  const run = s.management.run;
  return run?.status === 'error' && run.kind === MANAGEMENT_KIND[at] ? run : undefined;
}

/**
 * The mode to offer on the error card of the call at `at`, or `undefined` (not a refused JWT client authentication,
 * or no other mode can be signed). Derived from the failed run, never stored.
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/ (draft -11 §4)
 */
export function audienceSuggestionOf(s: Pick<FlowSessionState, 'form' | 'run' | 'management'>, at: EndpointKind): AudienceSuggestion | undefined {
  const run = failedRun(s, at);
  if (!run?.error) return undefined;
  return suggestAudienceMode({
    method: s.form.authMethod,
    refusal: run.error,
    at,
    // The mode the refused assertion was signed with, even if the field was changed since.
    used: run.assertionAudience ?? s.form.assertionAudience,
    issuerKnown: s.form.issuer.trim() !== '',
    tokenEndpointKnown: s.form.tokenEndpoint.trim() !== '',
  });
}

export function audienceActions(
  ctx: SessionContext,
  form: Pick<FormActions, 'setField'>,
  token: Pick<TokenActions, 'getToken'>,
  management: ManagementActions,
): AudienceActions {
  return {
    async retryWithAudience(mode, kind) {
      form.setField('assertionAudience', mode, SUGGESTION_SOURCE);
      if (kind === 'token') {
        await token.getToken();
        return;
      }
      const refused = ctx.get().management.run?.token;
      if (refused === undefined) return;
      await (kind === 'introspection' ? management.introspect(refused) : management.revoke(refused));
    },
  };
}
