// Uploaded client credentials, kept only in this process's memory: never written to disk, never logged.
import { randomUUID } from 'node:crypto';

import { MAX_CREDENTIALS } from './constants.js';

/** A bounded map of credentialId → TLS options; the oldest upload is forgotten when a new one would exceed `max`. */
export function createCredentialStore(max = MAX_CREDENTIALS) {
  const entries = new Map();
  return {
    /** @param {{ cert: string, key: string, ca?: string }} tls @returns {string} the new credentialId */
    add(tls) {
      const id = randomUUID();
      entries.set(id, tls);
      while (entries.size > max) entries.delete(entries.keys().next().value);
      return id;
    },
    get: (id) => entries.get(id),
    delete: (id) => entries.delete(id),
  };
}
