// Signing keys for private_key_jwt in the session: read from the key store once, generate, import (PEM or JWK),
// pick one, delete — and "Register with sandbox" for the key in use.
import { PROVIDERS } from '../../../../config/providers';
import type { AuthMethod, SigningAlg } from '../../../../types/token';
import { InputError, isPlaygroundError } from '../../../../utils/errors';
import type { StoredKeyRecord } from '../../../../utils/keyStore';
import { generateSigningKeyPair, importPrivateJwk, importPrivateKeyPem, toJwks, type SigningKey } from '../../../../utils/keys';
import { importCertificateCredential, type X509Thumbprints } from '../../../../utils/x509Thumbprint';
import { formFieldOf } from '../flowFormSchema';
import type { FormPatch } from '../providerPresets';
import { patched, revalidated, withFieldError } from './formActions';
import { selectedKeyOf, type SessionContext } from './sessionContext';

export interface KeyActions {
  /** Reads the stored keys (once); a stored key pre-selects private_key_jwt when that is the method. */
  loadKeys(): Promise<void>;
  generateKey(alg: SigningAlg): Promise<void>;
  /** Imports a PEM or JWK; false (with a field error, the text untouched) when it cannot. */
  importKey(text: string, alg: SigningAlg, label?: string): Promise<boolean>;
  /**
   * Imports a certificate credential (PEM certificate + its PKCS#8 key): the key non-extractable, the certificate's
   * thumbprints kept with it for the assertion header. Resolves with why it failed (the texts are the caller's to
   * keep), or undefined once the key is in use.
   */
  importCertificate(certificatePem: string, privateKeyPem: string): Promise<string | undefined>;
  selectKey(id: string): void;
  removeKey(id: string): Promise<void>;
  registerWithSandbox(): Promise<void>;
}

/**
 * Reads the text as a PKCS#8 PEM or a private JWK and imports it as a non-extractable key.
 * @throws InputError field `privateKey` for text that is neither
 */
export function importPrivateKeyText(text: string, alg: SigningAlg): Promise<SigningKey> {
  const trimmed = text.trim();
  if (trimmed === '') throw new InputError('privateKey', 'Paste a private key first: a PKCS#8 PEM or a private JWK.');
  if (trimmed.startsWith('{')) return importPrivateJwk(trimmed, alg);
  if (trimmed.includes('-----BEGIN')) return importPrivateKeyPem(trimmed, alg);
  throw new InputError('privateKey', 'This is neither a PEM (-----BEGIN PRIVATE KEY-----) nor a JWK ({ "kty": … }).');
}

const STORAGE_BLOCKED_WARNING = 'This browser would not store the key (IndexedDB blocked), so it lasts until you reload the page.';

/** A key refused for its algorithm is the Signing algorithm's error; anything else about it is the Private key's. */
function keyErrorField(error: unknown) {
  return isPlaygroundError(error) && formFieldOf(error.field) === 'signingAlg' ? 'signingAlg' : 'privateKey';
}

export function keyActions(ctx: SessionContext): KeyActions {
  const { credentialManager, logger } = ctx.stores;
  const setKeys = (fn: (list: readonly StoredKeyRecord[]) => readonly StoredKeyRecord[]) =>
    ctx.store.update((s) => revalidated({ ...s, keys: { ...s.keys, list: fn(s.keys.list) } }, ctx));

  /** Selects a key (and private_key_jwt where the provider accepts it). */
  function selectKeyFor(key: SigningKey, method: AuthMethod = 'private_key_jwt') {
    ctx.store.update((s) => {
      const patch: FormPatch = { values: { keyRef: key.kid, kid: key.kid, signingAlg: key.alg }, source: 'typed' };
      // private_key_jwt is the preferred method whenever a key is available and the provider accepts it.
      if (PROVIDERS[s.form.provider].authMethods.includes(method)) patch.values.authMethod = method;
      const next = patched(s, [patch], ctx);
      return { ...next, errors: withFieldError(next.errors, 'privateKey', undefined) };
    });
  }

  /** Saves the key; when IndexedDB refuses, the key is still usable from memory, with a warning to show. */
  async function keep(key: SigningKey, label: string, certificate?: X509Thumbprints): Promise<SigningKey> {
    let record: StoredKeyRecord;
    let warning: string | undefined;
    try {
      record = await credentialManager.saveKey(key, label, certificate);
    } catch {
      record = { id: key.kid, key, createdAt: Date.now(), label, ...(certificate ? { certificate } : {}) };
      warning = STORAGE_BLOCKED_WARNING;
    }
    ctx.set('keys', (keys) => ({ ...keys, storageWarning: warning }));
    setKeys((list) => [...list.filter((k) => k.id !== record.id), record]);
    logger.info(`key ready kid=${key.kid} alg=${key.alg}`);
    return key;
  }

  async function whileBusy(kind: 'generate' | 'import', work: () => Promise<SigningKey>): Promise<SigningKey> {
    ctx.set('keys', (keys) => ({ ...keys, busy: kind }));
    try {
      return await work();
    } finally {
      ctx.set('keys', (keys) => ({ ...keys, busy: null }));
    }
  }

  async function importKey(text: string, alg: SigningAlg, label?: string): Promise<boolean> {
    try {
      selectKeyFor(await whileBusy('import', async () => keep(await importPrivateKeyText(text, alg), label ?? `Imported ${alg} key`)));
      return true;
    } catch (error) {
      ctx.set('errors', (errors) => withFieldError(errors, keyErrorField(error), isPlaygroundError(error) ? error.message : 'The key could not be imported.'));
      return false;
    }
  }

  async function importCertificate(certificatePem: string, privateKeyPem: string): Promise<string | undefined> {
    // Entra's current certificate-credentials page signs with PS256; an RSA key takes it unless RS256 was chosen.
    // @see https://learn.microsoft.com/entra/identity-platform/certificate-credentials
    const selected = ctx.get().form.signingAlg;
    const alg = selected === 'ES256' ? 'PS256' : selected;
    try {
      const key = await whileBusy('import', async () => {
        const credential = await importCertificateCredential(certificatePem, privateKeyPem, alg);
        return keep(credential.key, `Certificate ${credential.thumbprints['x5t#S256'].slice(0, 8)}…`, credential.thumbprints);
      });
      selectKeyFor(key);
      return undefined;
    } catch (error) {
      return isPlaygroundError(error) ? error.message : 'The certificate and key could not be imported.';
    }
  }

  return {
    importCertificate,
    async loadKeys() {
      // A failed read is an empty list, not an error.
      const loaded = await credentialManager.loadKeys().catch(() => [] as StoredKeyRecord[]);
      // The list and the key it pre-selects in one transaction: one render of step 1, not two.
      ctx.store.batch(() => {
        ctx.store.update((s) => revalidated({ ...s, keys: { ...s.keys, list: loaded, status: 'ready' } }, ctx));
        const { form } = ctx.get();
        const newest = loaded[loaded.length - 1];
        if (!loaded.some((k) => k.id === form.keyRef) && newest && form.authMethod === 'private_key_jwt') selectKeyFor(newest.key);
      });
    },
    async generateKey(alg) {
      try {
        selectKeyFor(await whileBusy('generate', async () => keep(await generateSigningKeyPair(alg), `Generated ${alg} key`)));
      } catch (error) {
        ctx.set('errors', (errors) => withFieldError(errors, keyErrorField(error), isPlaygroundError(error) ? error.message : 'This browser could not generate the key.'));
      }
    },
    importKey,
    selectKey(id) {
      const record = ctx.get().keys.list.find((k) => k.id === id);
      if (record) selectKeyFor(record.key);
    },
    async removeKey(id) {
      await credentialManager.deleteKey(id).catch(() => undefined);
      setKeys((list) => list.filter((k) => k.id !== id));
    },
    async registerWithSandbox() {
      const key = selectedKeyOf(ctx.get());
      if (!key) return;
      ctx.set('registration', { status: 'loading' });
      try {
        const registration = { token_endpoint_auth_method: 'private_key_jwt' as const, jwks: toJwks([key]), scope: ctx.get().form.scopes.join(' ') };
        const client = await ctx.services.registerSandboxClient(registration, ctx.sandboxUrl);
        ctx.store.update((s) => patched(s, [{ values: { clientId: client.client_id, authMethod: 'private_key_jwt' }, source: 'sandbox' }], ctx));
        ctx.set('registration', { status: 'done', client });
        logger.info(`registered sandbox client ${client.client_id} with kid=${key.kid}`);
      } catch (error) {
        ctx.set('registration', { status: 'error', error: isPlaygroundError(error) ? error.message : 'Registration failed.' });
      }
    },
  };
}
