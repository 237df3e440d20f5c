// What the profile checks know about the flow's configuration: the form, the signing key's size, the DPoP key and
// the client authentication methods the described request carries.
import { isMtlsAuthMethod } from '../../../types/token';
import { clientAuthMethodsIn, keyStrengthOf, profileChecks, type KeyStrength, type ProfileCheck, type ProfileInput } from '../../../utils/oauth/profileChecks';
import { isPreviewPending } from './session/previewActions';
import { selectedKeyOf } from './session/sessionContext';
import type { FlowSessionState } from './session/sessionState';

/**
 * The app's DPoP key is always a P-256 key signing ES256 (utils/dpopKey.ts generates only that and refuses any
 * other stored key), so its size and algorithm are known without reading the key.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2
 */
const DPOP_ALG = 'ES256';
const DPOP_KEY: KeyStrength = { kty: 'EC', bits: 256 };

const JWT_METHODS: ReadonlySet<string> = new Set(['private_key_jwt', 'client_secret_jwt']);

/** The profile input for this state; what is not known yet (no key loaded, preview pending) is left out. */
export function profileInputOf(s: FlowSessionState): ProfileInput {
  const { form } = s;
  const key = form.authMethod === 'private_key_jwt' ? selectedKeyOf(s) : undefined;
  const description = isPreviewPending(s) ? null : s.preview.description;
  return {
    authMethod: form.authMethod,
    dpop: form.dpop,
    mtls: isMtlsAuthMethod(form.authMethod),
    assertionAudience: JWT_METHODS.has(form.authMethod) ? form.assertionAudience : undefined,
    signingAlg: form.authMethod === 'private_key_jwt' ? form.signingAlg : undefined,
    dpopAlg: form.dpop ? DPOP_ALG : undefined,
    signingKey: key ? keyStrengthOf(key.privateKey) : undefined,
    dpopKey: form.dpop ? DPOP_KEY : undefined,
    assertionLifetimeSeconds: Number.isFinite(form.assertionLifetimeSeconds) ? form.assertionLifetimeSeconds : undefined,
    methodsInRequest: description ? clientAuthMethodsIn(description, form.authMethod) : undefined,
  };
}

/** The `Profile checks` lines for this state. */
export function profileChecksOf(s: FlowSessionState): ProfileCheck[] {
  return profileChecks(profileInputOf(s));
}
