// The DPoP key: one non-extractable ES256 key pair per browser, kept in the signing-key store, with its jkt.
import type { JWK } from 'jose';
import { InputError } from './errors';
import type { KeyStore, StoredKeyRecord } from './keyStore';
import type { SigningKey } from './keys';

/** The key-store id of the DPoP key; the signing-key list must not offer it for private_key_jwt. */
export const DPOP_KEY_ID = 'dpop-key';

/**
 * A DPoP key: the private key can sign and never leave WebCrypto; the public JWK (kty, crv, x, y only) is what
 * each proof carries in its header; `jkt` is its RFC 7638 thumbprint, the value a bound token's `cnf.jkt` holds.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-6.1
 */
export interface DpopKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
  jkt: string;
}

const EC_PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y'] as const;

/** Only the public members: RFC 9449 §4.2 forbids a private key in the proof's `jwk` header. */
export function publicMembers(jwk: JWK): JWK {
  const out: JWK = {};
  for (const member of EC_PUBLIC_MEMBERS) if (typeof jwk[member] === 'string') out[member] = jwk[member];
  return out;
}

/**
 * Generates a P-256 key pair with a non-extractable private key (ES256, the one algorithm every DPoP server
 * supports) and computes its thumbprint once.
 * @see https://www.rfc-editor.org/rfc/rfc7638
 */
export async function generateDpopKey(): Promise<DpopKey> {
  // jose only when a key is made: every page loads the auth stores (the status bar), few ever bind with DPoP.
  const { calculateJwkThumbprint, exportJWK } = await import('./dpopJwk');
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign'])) as CryptoKeyPair;
  const publicJwk = publicMembers(await exportJWK(pair.publicKey));
  return { privateKey: pair.privateKey, publicJwk, jkt: await calculateJwkThumbprint(publicJwk, 'sha256') };
}

/** The key store holds {@link SigningKey}s; a DPoP key is one whose kid and thumbprint are its jkt. */
function toSigningKey(key: DpopKey): SigningKey {
  return { privateKey: key.privateKey, publicJwk: key.publicJwk, kid: key.jkt, thumbprint: key.jkt, alg: 'ES256' };
}

function fromRecord(record: StoredKeyRecord | undefined): DpopKey | undefined {
  if (!record || record.key.alg !== 'ES256' || record.key.publicJwk.kty !== 'EC') return undefined;
  return { privateKey: record.key.privateKey, publicJwk: publicMembers(record.key.publicJwk), jkt: record.key.thumbprint };
}

/** Whether a stored key is the DPoP key (so the private_key_jwt key list can leave it out). */
export function isDpopKeyRecord(record: Pick<StoredKeyRecord, 'id'>): boolean {
  return record.id === DPOP_KEY_ID;
}

export interface DpopKeyHolder {
  /** The stored key, or a new one (stored; kept in memory only when storage is unavailable). */
  ensure(): Promise<DpopKey>;
  /** The key in use, if any, without creating one. */
  current(): Promise<DpopKey | undefined>;
  /** Forgets the key in memory and in storage: the next proof uses a new key, so old bound tokens are useless. */
  remove(): Promise<void>;
}

/**
 * One DPoP key per store: created on first use, read back after a reload, deletable. A failed write does not
 * stop DPoP (the key then lives for this page only); the thumbprint is stored with it, so it is computed once.
 */
export function createDpopKeyHolder(store: KeyStore, now: () => number): DpopKeyHolder {
  let memory: Promise<DpopKey> | undefined;

  async function loadOrCreate(): Promise<DpopKey> {
    const stored = fromRecord(await store.get(DPOP_KEY_ID).catch(() => undefined));
    if (stored) return stored;
    const key = await generateDpopKey();
    await store.put({ id: DPOP_KEY_ID, label: 'DPoP key', key: toSigningKey(key), createdAt: now() }).catch(() => undefined);
    return key;
  }

  return {
    ensure() {
      memory ??= loadOrCreate().catch((error: unknown) => {
        memory = undefined;
        throw error instanceof InputError ? error : new InputError('dpop', 'The DPoP key could not be created in this browser.', error);
      });
      return memory;
    },
    async current() {
      if (memory) return memory;
      const stored = fromRecord(await store.get(DPOP_KEY_ID).catch(() => undefined));
      if (stored) memory = Promise.resolve(stored);
      return stored;
    },
    async remove() {
      memory = undefined;
      await store.delete(DPOP_KEY_ID);
    },
  };
}
