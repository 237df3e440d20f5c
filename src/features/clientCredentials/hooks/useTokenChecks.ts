// Step 3's token checks: the claim checks at once (computed during render), the signature when the JWKS answers.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { isMtlsAuthMethod } from '../../../types/token';
import { bindingCheckLine, checkCertificateBinding } from '../../../utils/certificateBinding';
import { effects } from '../../../utils/effects';
import { decodeAccessToken, localTokenChecks, verifyAccessTokenSignature, type TokenCheckResult } from '../../../utils/tokenChecks';
import { checkDpopBinding } from '../../../utils/dpopBinding';
import { dpopSession } from '../model/dpopSession';
import type { FlowForm } from '../model/flowTypes';
import { mtlsCredentialStore } from '../model/relayChoice';

export interface TokenChecksState {
  /** Header and claim checks (or why there are none): known as soon as the token is. */
  results: readonly TokenCheckResult[];
  /** null while the signature is being verified; undefined for an opaque token (nothing to verify). */
  signature: TokenCheckResult | null | undefined;
}

type CheckedFields = Pick<FlowForm, 'clientId' | 'audience' | 'resource' | 'issuer' | 'clockSkewSeconds' | 'authMethod'>;

/** The claim checks for a token: derived data, computed during render, once per token and configuration. */
function useLocalChecks(token: string | undefined, fields: CheckedFields) {
  const { clientId, audience, resource, issuer, clockSkewSeconds, authMethod } = fields;
  // The thumbprint the relay reported for a pasted certificate (RFC 8705 §3.1); file references have none here.
  const thumbprint = useSyncExternalStore(mtlsCredentialStore.subscribe, mtlsCredentialStore.getSnapshot, mtlsCredentialStore.getSnapshot)?.x5tS256;
  return useMemo(() => {
    if (token === undefined) return { decoded: null, results: [] };
    const decodedAt = effects().timing.start('decode');
    const decoded = decodeAccessToken(token);
    decodedAt();
    // The time claims are judged at the moment the token is shown; the countdown carries on from there.
    const expect = { clientId, audience, resource, issuer, now: effects().clock.now(), clockSkewSeconds };
    const results = localTokenChecks(decoded, expect);
    if (decoded && isMtlsAuthMethod(authMethod)) results.push(bindingCheckLine(checkCertificateBinding(decoded.claims, thumbprint)));
    return { decoded, results };
  }, [token, clientId, audience, resource, issuer, clockSkewSeconds, authMethod, thumbprint]);
}

/**
 * Verifies the signature after the token is on screen. Fetching the issuer's JWKS (once per issuer, see
 * jwksCache.ts) is synchronising with an external system, so it lives in an effect; the answer is keyed by token
 * and JWKS URI so a stale one is never shown.
 */
function useSignatureCheck(token: string | undefined, verifiable: boolean, jwksUri: string): TokenCheckResult | null | undefined {
  const [state, setState] = useState<{ token: string; jwksUri: string; result: TokenCheckResult } | null>(null);
  useEffect(() => {
    if (!token || !verifiable) return undefined;
    let live = true;
    const verified = effects().timing.start('verify');
    void verifyAccessTokenSignature(token, { jwksUri }).then((result) => {
      verified();
      if (live) setState({ token, jwksUri, result });
    });
    return () => {
      live = false;
    };
  }, [token, verifiable, jwksUri]);
  if (!token || !verifiable) return undefined;
  return state && state.token === token && state.jwksUri === jwksUri ? state.result : null;
}

/**
 * With DPoP, the binding checks too: `token_type` DPoP and `cnf.jkt` equal to this page's DPoP key thumbprint
 * (RFC 9449 §6). `tokenType` is the token response's, lower-cased.
 */
function useBindingChecks(decoded: ReturnType<typeof decodeAccessToken>, dpop: boolean, tokenType: string | undefined): readonly TokenCheckResult[] {
  const jkt = dpopSession.jkt();
  return useMemo(() => {
    if (!dpop || tokenType === undefined) return [];
    if (!jkt) return [{ check: 'cnf.jkt', ok: false, message: 'The DPoP key of this page is not known, so cnf.jkt cannot be compared.' }];
    return checkDpopBinding(decoded ? (decoded.claims as Record<string, unknown>) : null, tokenType, jkt);
  }, [decoded, dpop, tokenType, jkt]);
}

/** The checks shown for `token` (undefined while there is none). */
export function useTokenChecks(token: string | undefined, form: FlowForm, tokenType?: string): TokenChecksState {
  const local = useLocalChecks(token, form);
  const { decoded } = local;
  const binding = useBindingChecks(decoded, form.dpop, tokenType);
  const results = useMemo(() => (binding.length > 0 ? [...local.results, ...binding] : local.results), [local.results, binding]);
  const signature = useSignatureCheck(token, decoded !== null, form.jwksUri);
  // One object per change, so the memoised panels that take it skip the flow's other renders.
  return useMemo(() => ({ results, signature }), [results, signature]);
}
