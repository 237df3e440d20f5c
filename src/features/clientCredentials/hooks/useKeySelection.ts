// Which signing key the form uses: generate, import, pick one, and pre-select the newest stored key at start-up.
import type { AuthMethod, SigningAlg } from '../../../types/token';
import { isPlaygroundError } from '../../../utils/errors';
import type { StoredKeyRecord } from '../../../utils/keyStore';
import type { SigningKey } from '../../../utils/keys';
import { PROVIDERS } from '../../../config/providers';
import { formFieldOf } from '../model/flowFormSchema';
import type { FormPatch } from '../model/providerPresets';
import type { FlowFormState } from './useFlowForm';
import type { SigningKeysState } from './useSigningKeys';

export interface KeySelectionActions {
  generateKey(alg: SigningAlg): Promise<void>;
  importKey(text: string, alg: SigningAlg): Promise<boolean>;
  selectKey(id: string): void;
  /** Selects a key (and private_key_jwt where the provider accepts it). */
  selectKeyFor(key: SigningKey, method?: AuthMethod): void;
  onKeysLoaded(keys: readonly StoredKeyRecord[]): void;
}

export function useKeySelection(fields: FlowFormState, keys: SigningKeysState): KeySelectionActions {
  const { form } = fields;

  function selectKeyFor(key: SigningKey, method: AuthMethod = 'private_key_jwt') {
    const patch: FormPatch = { values: { keyRef: key.kid, kid: key.kid, signingAlg: key.alg }, source: 'typed' };
    // private_key_jwt is the preferred method whenever a key is available and the provider accepts it.
    if (PROVIDERS[form.provider].authMethods.includes(method)) patch.values.authMethod = method;
    fields.applyPatches([patch]);
    fields.setFieldError('privateKey', undefined);
  }

  /** A key refused for its algorithm is the Signing algorithm's error; anything else about it is the Private key's. */
  function showKeyError(error: unknown, fallback: string) {
    const field = isPlaygroundError(error) && formFieldOf(error.field) === 'signingAlg' ? 'signingAlg' : 'privateKey';
    fields.setFieldError(field, isPlaygroundError(error) ? error.message : fallback);
  }

  return {
    selectKeyFor,
    async generateKey(alg) {
      try {
        selectKeyFor(await keys.generate(alg));
      } catch (error) {
        showKeyError(error, 'This browser could not generate the key.');
      }
    },
    async importKey(text, alg) {
      try {
        selectKeyFor(await keys.importKey(text, alg));
        return true;
      } catch (error) {
        showKeyError(error, 'The key could not be imported.');
        return false;
      }
    },
    selectKey(id) {
      const record = keys.keys.find((k) => k.id === id);
      if (record) selectKeyFor(record.key);
    },
    onKeysLoaded(loaded) {
      if (loaded.some((k) => k.id === form.keyRef)) return;
      const newest = loaded[loaded.length - 1];
      if (newest && form.authMethod === 'private_key_jwt') selectKeyFor(newest.key);
    },
  };
}
