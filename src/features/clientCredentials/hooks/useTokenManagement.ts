// Step 3's `Introspect token` and `Revoke token`: one run at a time, with attempts, the description sent and the outcome.
import { useRef, useState } from 'react';
import { explainableErrorOf } from '../../../utils/errorExplain';
import type { RequestDescription } from '../../../utils/oauth/description';
import { describeIntrospectionRequest, type IntrospectionResult } from '../../../utils/oauth/introspection';
import type { AttemptInfo } from '../../../utils/oauth/retry';
import { describeRevocationRequest } from '../../../utils/oauth/revocation';
import { introspectToken, revokeToken, type TokenManagementOptions } from '../../../utils/oauth/tokenManagement';
import { buildFlowAuth, flowRoute, type FlowCredentials } from '../model/flowRequest';
import type { FlowError, FlowForm } from '../model/flowTypes';
import type { TokenManagementEndpoints } from '../model/tokenManagementEndpoints';

export type ManagementKind = 'introspect' | 'revoke';

export interface ManagementRun {
  kind: ManagementKind;
  /** The token it was about: a run for an older token is not shown with a new one. */
  token: string;
  status: 'running' | 'success' | 'error';
  attempts: AttemptInfo[];
  /** What the last attempt sent: the preview, cURL and fetch snippets show it. */
  description?: RequestDescription;
  result?: IntrospectionResult;
  error?: FlowError;
}

export interface TokenManagementDeps {
  form: FlowForm;
  creds: FlowCredentials;
  endpoints: TokenManagementEndpoints;
  /** After a successful revocation: drop the token from the cache and storage, tell the status bar. */
  onRevoked: () => void | Promise<void>;
}

export interface TokenManagementState {
  run: ManagementRun | null;
  introspect(token: string): Promise<void>;
  revoke(token: string): Promise<void>;
  /** Whether `token` was revoked by a run of this page. */
  isRevoked(token: string): boolean;
}

/** The request for `kind`, authenticated exactly like the token request (the one ClientAuth of the form). */
function describerFor(kind: ManagementKind, deps: TokenManagementDeps, token: string): TokenManagementOptions['describe'] {
  const endpoint = kind === 'introspect' ? deps.endpoints.introspection : deps.endpoints.revocation;
  const describe = kind === 'introspect' ? describeIntrospectionRequest : describeRevocationRequest;
  return () =>
    describe({ endpoint: endpoint ?? '', clientId: deps.form.clientId, issuer: deps.form.issuer || undefined, auth: buildFlowAuth(deps.form, deps.creds), token });
}

export function useTokenManagement(deps: TokenManagementDeps): TokenManagementState {
  const [run, setRun] = useState<ManagementRun | null>(null);
  const [revoked, setRevoked] = useState<ReadonlySet<string>>(() => new Set());
  const current = useRef(0);

  async function start(kind: ManagementKind, token: string) {
    const id = ++current.current;
    const attempts: AttemptInfo[] = [];
    let description: RequestDescription | undefined;
    setRun({ kind, token, status: 'running', attempts });
    let settled: ManagementRun;
    try {
      const opts: TokenManagementOptions = {
        describe: describerFor(kind, deps, token),
        onDescribed: (d) => (description = d),
        onAttempt: (a) => attempts.push(a),
        relay: flowRoute(deps.form, deps.creds),
      };
      if (kind === 'introspect') {
        settled = { kind, token, status: 'success', attempts, description, result: await introspectToken(opts) };
      } else {
        await revokeToken(opts);
        await deps.onRevoked();
        setRevoked((before) => new Set(before).add(token));
        settled = { kind, token, status: 'success', attempts, description };
      }
    } catch (error) {
      settled = { kind, token, status: 'error', attempts, description, error: explainableErrorOf(error) };
    }
    // The description is known only once the request went out, so it is read after the await.
    if (id === current.current) setRun({ ...settled, attempts: [...attempts], description });
  }

  return {
    run,
    introspect: (token) => start('introspect', token),
    revoke: (token) => start('revoke', token),
    isRevoked: (token) => revoked.has(token),
  };
}
