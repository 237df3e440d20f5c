// Which cached token is "the current token": the one of the configuration in use (the active profile's form) when the
// flow has said which that is, else — nothing selected yet — the most recently obtained one.
import type { CacheSnapshot, CacheSnapshotEntry } from '../utils/tokenCache';
import { cacheKey } from '../utils/tokenCacheKey';
import type { ConfigurationInUse } from './providerIdentity';

function newestEntry(snapshot: CacheSnapshot): CacheSnapshotEntry | undefined {
  let newest: CacheSnapshotEntry | undefined;
  for (const entry of snapshot.entries) if (!newest || entry.record.obtainedAt > newest.record.obtainedAt) newest = entry;
  return newest;
}

/** An entry's key without its DPoP thumbprint, computed once per entry (entries keep their parts object). */
const unboundKeys = new WeakMap<object, string>();
function unboundKeyOf(entry: CacheSnapshotEntry): string {
  let key = unboundKeys.get(entry.parts);
  if (key === undefined) {
    const { jkt: _jkt, ...parts } = entry.parts;
    key = cacheKey(parts);
    unboundKeys.set(entry.parts, key);
  }
  return key;
}

/**
 * The cached token of `configuration`. A DPoP-bound configuration matches the token bound to this browser's key
 * (`jkt`); before that key is loaded (just after a reload), the newest bound token of the same request stands in,
 * since a browser holds one DPoP key. An unbound configuration never matches a bound token, nor the reverse.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
function entryOfConfiguration(snapshot: CacheSnapshot, configuration: ConfigurationInUse, jkt: string | undefined): CacheSnapshotEntry | undefined {
  const { parts, dpop } = configuration;
  if (!dpop || jkt !== undefined) {
    const key = cacheKey(dpop ? { ...parts, jkt } : parts);
    return snapshot.entries.find((entry) => entry.key === key);
  }
  const unbound = cacheKey(parts);
  return newestEntry({ entries: snapshot.entries.filter((entry) => entry.parts.jkt !== undefined && unboundKeyOf(entry) === unbound) });
}

/**
 * The token the status bar counts down and the flow's steps fall back to: the configuration's own token (possibly
 * none) when a configuration is selected, else the newest cached token.
 */
export function tokenInUse(snapshot: CacheSnapshot, configuration: ConfigurationInUse | null, jkt: string | undefined): CacheSnapshotEntry | undefined {
  return configuration ? entryOfConfiguration(snapshot, configuration, jkt) : newestEntry(snapshot);
}
