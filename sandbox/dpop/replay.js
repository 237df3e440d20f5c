// DPoP proof replay detection (RFC 9449 §11.1): each jti is accepted once while its proof could still be accepted.

/**
 * A bounded memory of seen proof ids. Entries expire when the proof's acceptance window ends; when full, the
 * entry closest to expiry goes first (Map order = insertion order = roughly expiry order), so memory stays bounded
 * under any load at the cost of forgetting the oldest proofs early.
 * @param {{ max?: number, now?: () => number }} [options]  now: epoch ms
 * @returns {{ seen(key: string, expiresAtMs: number): boolean, size(): number }}
 */
export function createReplayMemory({ max = 10_000, now = Date.now } = {}) {
  /** @type {Map<string, number>} */
  const entries = new Map();

  function sweep(at) {
    for (const [key, expiresAt] of entries) {
      if (expiresAt > at) break;
      entries.delete(key);
    }
  }

  return {
    /** True when `key` was already seen (a replay); otherwise remembers it until `expiresAtMs`. */
    seen(key, expiresAtMs) {
      const at = now();
      sweep(at);
      const known = entries.get(key);
      if (known !== undefined && known > at) return true;
      entries.set(key, expiresAtMs);
      if (entries.size > max) entries.delete(entries.keys().next().value);
      return false;
    },
    size: () => entries.size,
  };
}
