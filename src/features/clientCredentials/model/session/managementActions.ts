// Step 3's `Introspect token` and `Revoke token` in the session (RFC 7662, RFC 7009): one run at a time, with its
// attempts, the description sent and the outcome, authenticated and routed exactly like the token request.
import { explainableErrorOf } from '../../../../utils/errorExplain';
import type { RequestDescription } from '../../../../utils/oauth/description';
import { describeIntrospectionRequest } from '../../../../utils/oauth/introspection';
import type { AttemptInfo } from '../../../../utils/oauth/retry';
import { describeRevocationRequest } from '../../../../utils/oauth/revocation';
import { introspectToken, revokeToken, type TokenManagementOptions } from '../../../../utils/oauth/tokenManagement';
import { buildFlowAuth, flowCacheKey, flowRoute, type FlowCredentials } from '../flowRequest';
import type { FlowForm } from '../flowTypes';
import { tokenManagementEndpoints, tokenManagementUnavailableReason, type TokenManagementEndpoints, type TypedManagementEndpoints } from '../tokenManagementEndpoints';
import { credentialsOf, type SessionContext } from './sessionContext';
import type { FlowSessionState, ManagementKind, ManagementRun } from './sessionState';

export interface ManagementActions {
  introspect(token: string): Promise<void>;
  revoke(token: string): Promise<void>;
}

/** The `Introspection endpoint` and `Revocation endpoint` fields as typed. */
function typedOf(form: FlowForm): TypedManagementEndpoints {
  return { introspection: form.introspectionEndpoint, revocation: form.revocationEndpoint };
}

/** Where introspection and revocation go for this state: a URL typed by hand, discovery's, else the provider row's. */
export function managementEndpointsOf(s: Pick<FlowSessionState, 'form' | 'discovery'>): TokenManagementEndpoints {
  return tokenManagementEndpoints(s.form, s.discovery.result?.metadata, typedOf(s.form));
}

/** Where they would go without a typed URL: the placeholder and hint of the two fields. */
export function derivedManagementEndpointsOf(s: Pick<FlowSessionState, 'form' | 'discovery'>): TokenManagementEndpoints {
  return tokenManagementEndpoints(s.form, s.discovery.result?.metadata);
}

/** Why `Introspect token` / `Revoke token` is disabled, per endpoint; absent when the endpoint is known. */
export type ManagementUnavailable = Partial<Record<keyof TokenManagementEndpoints, string>>;

export function managementUnavailableOf(s: Pick<FlowSessionState, 'form' | 'discovery'>): ManagementUnavailable {
  // Discovery that has not run (or failed) is `undefined`, so the reason can say "run discovery" rather than "not advertised".
  const discovered = s.discovery.status === 'done' ? (s.discovery.result?.metadata ?? {}) : undefined;
  const out: ManagementUnavailable = {};
  for (const kind of ['introspection', 'revocation'] as const) {
    const reason = tokenManagementUnavailableReason(kind, s.form, discovered, typedOf(s.form));
    if (reason) out[kind] = reason;
  }
  return out;
}

/** The request for `kind`, authenticated exactly like the token request (the one ClientAuth of the form). */
function describerFor(kind: ManagementKind, form: FlowForm, creds: FlowCredentials, endpoints: TokenManagementEndpoints, token: string): TokenManagementOptions['describe'] {
  const endpoint = kind === 'introspect' ? endpoints.introspection : endpoints.revocation;
  const describe = kind === 'introspect' ? describeIntrospectionRequest : describeRevocationRequest;
  // The token endpoint too: an assertion in `token_endpoint` mode names it wherever it is sent (RFC 7523 §3).
  return () => describe({
    endpoint: endpoint ?? '', tokenEndpoint: form.tokenEndpoint || undefined, clientId: form.clientId, issuer: form.issuer || undefined,
    auth: buildFlowAuth(form, creds), token,
  });
}

export function managementActions(ctx: SessionContext): ManagementActions {
  let latest = 0;
  const setRun = (run: ManagementRun) => ctx.set('management', (m) => ({ ...m, run }));

  async function start(kind: ManagementKind, token: string) {
    const id = ++latest;
    const s = ctx.get();
    const creds = credentialsOf(s, ctx);
    const attempts: AttemptInfo[] = [];
    let description: RequestDescription | undefined;
    const assertionAudience = s.form.assertionAudience;
    setRun({ kind, token, status: 'running', attempts, assertionAudience });
    let settled: ManagementRun;
    try {
      const opts: TokenManagementOptions = {
        describe: describerFor(kind, s.form, creds, managementEndpointsOf(s), token),
        onDescribed: (d) => (description = d),
        onAttempt: (a) => attempts.push(a),
        relay: flowRoute(s.form, creds),
      };
      if (kind === 'introspect') {
        settled = { kind, token, status: 'success', attempts, result: await introspectToken(opts) };
      } else {
        await revokeToken(opts);
        // The token leaves the cache and storage; the status bar says "revoked".
        ctx.stores.revokeToken(flowCacheKey(s.form, ctx.stores.dpop.jkt()));
        ctx.set('management', (m) => ({ ...m, revoked: new Set(m.revoked).add(token) }));
        settled = { kind, token, status: 'success', attempts };
      }
    } catch (error) {
      settled = { kind, token, status: 'error', attempts, error: explainableErrorOf(error) };
    }
    // The description is known only once the request went out, so it is read after the await.
    if (id === latest) setRun({ ...settled, attempts: [...attempts], description, assertionAudience });
  }

  return {
    introspect: (token) => start('introspect', token),
    revoke: (token) => start('revoke', token),
  };
}
