// Step 3's token checks: the claim checks at once (computed during render), the signature when the JWKS answers.
import { useMemo } from 'react';
import { useAsyncValue } from '../../../hooks/useAsyncValue';
import { isMtlsAuthMethod } from '../../../types/token';
import { bindingCheckLine, checkCertificateBinding } from '../../../utils/certificateBinding';
import { checkDpopBinding } from '../../../utils/dpopBinding';
import { effects } from '../../../utils/effects';
import { decodeAccessToken, localTokenChecks, verifyAccessTokenSignature, type TokenCheckResult } from '../../../utils/tokenChecks';
import type { FlowForm } from '../model/flowTypes';

export interface TokenChecksState {
  /** Header and claim checks (or why there are none): known as soon as the token is. */
  results: readonly TokenCheckResult[];
  /** null while the signature is being verified; undefined for an opaque token (nothing to verify). */
  signature: TokenCheckResult | null | undefined;
}

/** What the bindings are compared with: the app's DPoP key and the relay's certificate thumbprint, when known. */
export interface BindingKeys {
  /** RFC 7638 thumbprint of the app's DPoP key (RFC 9449 §6). */
  dpopJkt: string | undefined;
  /** `x5t#S256` the relay reported for a pasted certificate (RFC 8705 §3.1); file references have none here. */
  certificateThumbprint: string | undefined;
}

type CheckedFields = Pick<FlowForm, 'clientId' | 'audience' | 'resource' | 'issuer' | 'clockSkewSeconds' | 'authMethod'>;

/** The claim checks for a token: derived data, computed during render, once per token and configuration. */
function useLocalChecks(token: string | undefined, fields: CheckedFields, thumbprint: string | undefined) {
  const { clientId, audience, resource, issuer, clockSkewSeconds, authMethod } = fields;
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
 * Verifies the signature after the token is on screen: fetching the issuer's JWKS (once per issuer, jwksCache.ts)
 * is synchronising with an external system. The answer is keyed by token and JWKS URI, so a stale one is never shown.
 */
function useSignatureCheck(token: string | undefined, verifiable: boolean, jwksUri: string): TokenCheckResult | null | undefined {
  const key = useMemo(() => (token && verifiable ? { token, jwksUri } : undefined), [token, verifiable, jwksUri]);
  const [verified] = useAsyncValue(key, async (k) => {
    const done = effects().timing.start('verify');
    try {
      return await verifyAccessTokenSignature(k.token, { jwksUri: k.jwksUri });
    } finally {
      done();
    }
  });
  if (!verified) return undefined;
  return verified.status === 'fulfilled' ? verified.value : null;
}

/**
 * With DPoP, the binding checks too: `token_type` DPoP and `cnf.jkt` equal to the app's DPoP key thumbprint
 * (RFC 9449 §6). `tokenType` is the token response's, lower-cased.
 */
function useBindingChecks(decoded: ReturnType<typeof decodeAccessToken>, dpop: boolean, tokenType: string | undefined, jkt: string | undefined): readonly TokenCheckResult[] {
  return useMemo(() => {
    if (!dpop || tokenType === undefined) return [];
    if (!jkt) return [{ check: 'cnf.jkt', ok: false, message: 'The DPoP key of this page is not known, so cnf.jkt cannot be compared.' }];
    return checkDpopBinding(decoded ? (decoded.claims as Record<string, unknown>) : null, tokenType, jkt);
  }, [decoded, dpop, tokenType, jkt]);
}

/** The checks shown for `token` (undefined while there is none). */
export function useTokenChecks(token: string | undefined, form: FlowForm, tokenType: string | undefined, bindings: BindingKeys): TokenChecksState {
  const local = useLocalChecks(token, form, bindings.certificateThumbprint);
  const { decoded } = local;
  const binding = useBindingChecks(decoded, form.dpop, tokenType, bindings.dpopJkt);
  const results = useMemo(() => (binding.length > 0 ? [...local.results, ...binding] : local.results), [local.results, binding]);
  const signature = useSignatureCheck(token, decoded !== null, form.jwksUri);
  // One object per change, so the memoised panels that take it skip the flow's other renders.
  return useMemo(() => ({ results, signature }), [results, signature]);
}
