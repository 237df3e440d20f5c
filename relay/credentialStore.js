// Uploaded client credentials, kept only in this process's memory: never written to disk, never logged. Each is bound
// to the Origin that uploaded it: another page the relay serves can neither use nor delete it.
import { randomUUID } from 'node:crypto';

import { MAX_CREDENTIALS } from './constants.js';

/**
 * A bounded map of credentialId → { origin, TLS options }; the oldest upload is forgotten when a new one would exceed
 * `max`. A lookup from another origin finds nothing, exactly as for an id that never existed, so a page learns
 * nothing about another page's uploads.
 */
export function createCredentialStore(max = MAX_CREDENTIALS) {
  const entries = new Map();
  const owned = (id, origin) => {
    const entry = entries.get(id);
    return entry && entry.origin === origin ? entry : undefined;
  };
  return {
    /**
     * @param {{ cert: string, key: string, ca?: string }} tls @param {string} origin the uploading page's Origin
     * @returns {string} the new credentialId
     */
    add(tls, origin) {
      const id = randomUUID();
      entries.set(id, { origin, tls });
      while (entries.size > max) entries.delete(entries.keys().next().value);
      return id;
    },
    /** @returns {{ cert: string, key: string, ca?: string } | undefined} */
    get: (id, origin) => owned(id, origin)?.tls,
    /** @returns {{ cert: string, key: string, ca?: string } | undefined} the TLS options forgotten, if any */
    delete(id, origin) {
      const entry = owned(id, origin);
      if (entry) entries.delete(id);
      return entry?.tls;
    },
  };
}
