// Discovery for the Custom provider: reads the issuer's metadata and fills the token endpoint and offered methods.
import { useState } from 'react';
import { createDiscoveryService, type DiscoveryResult } from '../../../services/discoveryService';
import { isPlaygroundError } from '../../../utils/errors';
import { validateField, type ValidationContext } from '../model/flowFormSchema';
import { offeredAuthMethods, type FormPatch } from '../model/providerPresets';
import type { FlowFormState } from './useFlowForm';

export interface DiscoveryState {
  status: 'idle' | 'loading' | 'done' | 'error';
  result?: DiscoveryResult;
  error?: string;
  override: boolean;
}

export interface DiscoveryActions {
  discovery: DiscoveryState;
  discover(): Promise<void>;
  setDiscoveryOverride(override: boolean): void;
  resetDiscovery(): void;
}

/**
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html
 * @see https://www.rfc-editor.org/rfc/rfc8414
 */
export function useDiscovery(fields: FlowFormState, context: ValidationContext, hasKey: boolean): DiscoveryActions {
  const [discovery, setDiscovery] = useState<DiscoveryState>({ status: 'idle', override: false });
  const [service] = useState(() => createDiscoveryService());
  const { form } = fields;

  function patchFrom(result: DiscoveryResult): FormPatch {
    const m = result.metadata;
    // RFC 8705 §5: the mutual-TLS listener's token endpoint, used instead of token_endpoint with an mTLS method.
    const mtlsTokenEndpoint = m.mtls_endpoint_aliases?.token_endpoint ?? '';
    const patch: FormPatch = { values: { tokenEndpoint: m.token_endpoint, issuer: m.issuer ?? '', jwksUri: m.jwks_uri ?? '', mtlsTokenEndpoint }, source: 'discovery' };
    const offered = offeredAuthMethods(form.provider, m.token_endpoint_auth_methods_supported, false).options;
    if (!offered.includes(form.authMethod)) {
      const preferred = hasKey && offered.includes('private_key_jwt') ? 'private_key_jwt' : offered[0];
      if (preferred) patch.values.authMethod = preferred;
    }
    return patch;
  }

  async function discover() {
    const message = validateField('issuerOrDiscoveryUrl', form, context)
      ?? (form.issuerOrDiscoveryUrl.trim() ? undefined : 'Enter an issuer or a discovery URL first.');
    if (message) {
      fields.setFieldError('issuerOrDiscoveryUrl', message);
      return;
    }
    setDiscovery((d) => ({ ...d, status: 'loading' }));
    try {
      const result = await service.discover(form.issuerOrDiscoveryUrl.trim());
      fields.applyPatches([patchFrom(result)]);
      fields.setFieldError('issuerOrDiscoveryUrl', undefined);
      setDiscovery((d) => ({ ...d, status: 'done', result }));
    } catch (error) {
      const text = isPlaygroundError(error) ? error.message : 'Discovery failed.';
      fields.setFieldError('issuerOrDiscoveryUrl', text);
      setDiscovery((d) => ({ ...d, status: 'error', error: text }));
    }
  }

  return {
    discovery,
    discover,
    setDiscoveryOverride: (override) => setDiscovery((d) => ({ ...d, override })),
    resetDiscovery: () => setDiscovery({ status: 'idle', override: false }),
  };
}
