// oidc-provider storage adapter for one sandbox instance: runtime clients come from the registry (the seeded ones are
// static provider configuration), the rest lives in a Map.
// Why not the built-in memory adapter: it is one module-wide LRU shared by every provider in the process, so two
// sandboxes (parallel tests) would share jti replay records, and heavy traffic could evict them.

import { toProviderMetadata } from './clients.js';

const nowSeconds = () => Math.floor(Date.now() / 1000);
const SWEEP_EVERY = 500;

/**
 * @param {{ get(clientId: string): import('./clients.js').ClientEntry | undefined }} registry
 * @returns {new (model: string) => object} the adapter class to pass as oidc-provider's `adapter`
 */
export function createAdapterFactory(registry) {
  /** @type {Map<string, { payload: Record<string, unknown>, expiresAt: number }>} */
  const store = new Map();
  let writes = 0;

  // Expired records are dropped lazily on read and by a periodic sweep, so a long demo session stays small.
  function sweep() {
    const now = nowSeconds();
    for (const [key, record] of store) if (record.expiresAt <= now) store.delete(key);
  }

  function read(key) {
    const record = store.get(key);
    if (!record) return undefined;
    if (record.expiresAt <= nowSeconds()) {
      store.delete(key);
      return undefined;
    }
    return record.payload;
  }

  class SandboxAdapter {
    /** @param {string} model oidc-provider model name (Client, ReplayDetection, ...) */
    constructor(model) {
      this.model = model;
    }

    key(id) {
      return `${this.model}:${id}`;
    }

    async find(id) {
      if (this.model === 'Client') {
        const entry = registry.get(id);
        return entry ? toProviderMetadata(entry) : undefined;
      }
      return read(this.key(id));
    }

    async upsert(id, payload, expiresIn) {
      if (this.model === 'Client') return; // the registry is the source of truth for clients
      store.set(this.key(id), { payload, expiresAt: nowSeconds() + (expiresIn ?? 3600) });
      writes += 1;
      if (writes % SWEEP_EVERY === 0) sweep();
    }

    async consume(id) {
      const payload = read(this.key(id));
      if (payload) payload.consumed = nowSeconds();
    }

    async destroy(id) {
      store.delete(this.key(id));
    }

    // Only authorization-code style flows use these; client_credentials never does.
    async findByUid() {
      return undefined;
    }

    async findByUserCode() {
      return undefined;
    }

    async revokeByGrantId() {}
  }

  return SandboxAdapter;
}
