// Signing keys for private_key_jwt: load from the key store, generate, import (PEM or JWK), delete.
import { useEffect, useState } from 'react';
import type { SigningAlg } from '../../../types/token';
import type { CredentialManager } from '../../../utils/credentialManager';
import { InputError } from '../../../utils/errors';
import type { StoredKeyRecord } from '../../../utils/keyStore';
import { generateSigningKeyPair, importPrivateJwk, importPrivateKeyPem, type SigningKey } from '../../../utils/keys';
import type { Logger } from '../../../utils/logger';

export interface SigningKeysState {
  keys: readonly StoredKeyRecord[];
  status: 'loading' | 'ready';
  busy: 'generate' | 'import' | null;
  /** Set when a key could only be kept in memory (IndexedDB blocked): it is gone after a reload. */
  storageWarning: string | undefined;
  generate(alg: SigningAlg): Promise<SigningKey>;
  /** @throws InputError field `privateKey` or `alg`, with the text left untouched for the user to fix */
  importKey(text: string, alg: SigningAlg, label?: string): Promise<SigningKey>;
  remove(id: string): Promise<void>;
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

/** Saves the key; when IndexedDB refuses, the key is still usable from memory, with a warning to show. */
async function saveOrHold(credentialManager: CredentialManager, key: SigningKey, label: string): Promise<{ record: StoredKeyRecord; warning: string | undefined }> {
  try {
    return { record: await credentialManager.saveKey(key, label), warning: undefined };
  } catch {
    return { record: { id: key.kid, key, createdAt: Date.now(), label }, warning: STORAGE_BLOCKED_WARNING };
  }
}

/** The stored keys, read once per credential manager; a failed read is an empty list, not an error. */
function useStoredKeyList(credentialManager: CredentialManager) {
  const [keys, setKeys] = useState<readonly StoredKeyRecord[]>([]);
  const [status, setStatus] = useState<'loading' | 'ready'>('loading');

  // Reading IndexedDB is synchronising with an external store on mount, which is what effects are for.
  useEffect(() => {
    let cancelled = false;
    credentialManager
      .loadKeys()
      .catch(() => [] as StoredKeyRecord[])
      .then((loaded) => {
        if (cancelled) return;
        setKeys(loaded);
        setStatus('ready');
      });
    return () => {
      cancelled = true;
    };
  }, [credentialManager]);

  return { keys, setKeys, status };
}

export function useSigningKeys(credentialManager: CredentialManager, log: Logger): SigningKeysState {
  const { keys, setKeys, status } = useStoredKeyList(credentialManager);
  const [busy, setBusy] = useState<SigningKeysState['busy']>(null);
  const [storageWarning, setStorageWarning] = useState<string>();

  async function keep(key: SigningKey, label: string): Promise<SigningKey> {
    const { record, warning } = await saveOrHold(credentialManager, key, label);
    setStorageWarning(warning);
    setKeys((list) => [...list.filter((k) => k.id !== record.id), record]);
    log.info(`key ready kid=${key.kid} alg=${key.alg}`);
    return key;
  }

  async function whileBusy(kind: 'generate' | 'import', work: () => Promise<SigningKey>): Promise<SigningKey> {
    setBusy(kind);
    try {
      return await work();
    } finally {
      setBusy(null);
    }
  }

  return {
    keys,
    status,
    busy,
    storageWarning,
    generate: (alg) => whileBusy('generate', async () => keep(await generateSigningKeyPair(alg), `Generated ${alg} key`)),
    importKey: (text, alg, label) => whileBusy('import', async () => keep(await importPrivateKeyText(text, alg), label ?? `Imported ${alg} key`)),
    async remove(id) {
      await credentialManager.deleteKey(id).catch(() => undefined);
      setKeys((list) => list.filter((k) => k.id !== id));
    },
  };
}
