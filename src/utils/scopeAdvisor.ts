// Least-privilege scope advisor: from the capabilities wanted, the minimal scopes, and what is missing or excessive.

import { findScope, type ScopeCatalogEntry } from '../config/scopeCatalog';
import { splitScopes } from './scopes';

/** Input to {@link adviseScopes}. Scope lists accept friendly names or (microauthd) UUIDs. */
export interface ScopeAdviceInput {
  catalog: readonly ScopeCatalogEntry[];
  /**
   * Capabilities the caller wants (catalog `capability` keys); a scope name or UUID is accepted as itself.
   * A capability shared by several entries needs as many of them as it takes to cover all their endpoints.
   */
  wanted: readonly string[];
  /** Scopes configured on the client in the form. */
  configured?: readonly string[] | string;
  /** Scopes sent in the token request. */
  requested?: readonly string[] | string;
  /** Scopes the token actually carries. */
  granted?: readonly string[] | string;
}

/** The advice. All scope lists hold canonical catalog names except `unknown`, which keeps the strings as given. */
export interface ScopeAdvice {
  /** The fewest scopes that cover `wanted`, in catalog order. */
  minimal: string[];
  /** Minimal scopes not held: compared with `granted`, else `requested`, else `configured`, else all minimal. */
  missing: string[];
  /** Catalog scopes configured, requested or granted beyond the minimal set. */
  overPrivileged: string[];
  /** Scope strings (from any list) that the catalog does not know. */
  unknown: string[];
  /** Wanted capabilities that no catalog scope provides. */
  unsupportedCapabilities: string[];
  /** Caveats attached to the minimal scopes (e.g. PingOne self-management scopes on client_credentials). */
  notes: Array<{ scope: string; note: string }>;
}

function toList(value: readonly string[] | string | undefined): string[] | undefined {
  return value === undefined ? undefined : splitScopes(value);
}

/** Entries a list names (by name or UUID), and the strings it contains that the catalog does not know. */
function resolve(catalog: readonly ScopeCatalogEntry[], list: string[]): { entries: Set<ScopeCatalogEntry>; unknown: string[] } {
  const entries = new Set<ScopeCatalogEntry>();
  const unknown: string[] = [];
  for (const value of list) {
    const entry = findScope(catalog, value);
    if (entry) entries.add(entry);
    else unknown.push(value);
  }
  return { entries, unknown };
}

const endpointKey = (e: { method: string; path: string }): string => `${e.method.toUpperCase()} ${e.path}`;

/**
 * The fewest scopes whose endpoints cover every endpoint of the wanted capabilities. A capability is the union of
 * its entries' endpoints: when its scopes gate different endpoints all are needed (e.g. create/read/update/delete
 * devices); when one scope's endpoints include another's, the wider one alone suffices. Greedy set cover — exact
 * enough for catalogs of a dozen entries; ties go to the narrower scope, then catalog order. Entries that list no
 * endpoints cannot be reasoned about and are all kept.
 */
function coverCapabilities(catalog: readonly ScopeCatalogEntry[], capabilities: Set<string>): ScopeCatalogEntry[] {
  const candidates = catalog.filter((e) => capabilities.has(e.capability));
  const chosen = candidates.filter((e) => e.endpoints.length === 0);
  const uncovered = new Set(candidates.flatMap((e) => e.endpoints.map(endpointKey)));
  while (uncovered.size > 0) {
    let best: { entry: ScopeCatalogEntry; gain: number } | undefined;
    for (const entry of candidates) {
      if (chosen.includes(entry)) continue;
      const gain = new Set(entry.endpoints.map(endpointKey).filter((k) => uncovered.has(k))).size;
      const better = !best || gain > best.gain || (gain === best.gain && entry.endpoints.length < best.entry.endpoints.length);
      if (gain > 0 && better) best = { entry, gain };
    }
    if (!best) break;
    chosen.push(best.entry);
    for (const e of best.entry.endpoints) uncovered.delete(endpointKey(e));
  }
  return chosen;
}

/**
 * Advises the least-privilege scope set for the wanted capabilities and compares it with what was configured,
 * requested and granted. Provider-agnostic: works with any catalog (PingOne names, microauthd names or UUIDs).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.3 (least privilege for access tokens)
 */
export function adviseScopes(input: ScopeAdviceInput): ScopeAdvice {
  const { catalog } = input;

  const needed = new Set<ScopeCatalogEntry>();
  const capabilities = new Set<string>();
  const unsupportedCapabilities: string[] = [];
  for (const want of new Set(input.wanted.map((w) => w.trim()).filter((w) => w.length > 0))) {
    if (catalog.some((e) => e.capability === want)) capabilities.add(want);
    else {
      const entry = findScope(catalog, want);
      if (entry) needed.add(entry);
      else unsupportedCapabilities.push(want);
    }
  }
  for (const entry of coverCapabilities(catalog, capabilities)) needed.add(entry);
  const minimalEntries = catalog.filter((e) => needed.has(e));
  const minimal = minimalEntries.map((e) => e.name);

  const configured = toList(input.configured);
  const requested = toList(input.requested);
  const granted = toList(input.granted);

  const reference = granted ?? requested ?? configured;
  const held = reference ? resolve(catalog, reference).entries : new Set<ScopeCatalogEntry>();
  const missing = minimalEntries.filter((e) => !held.has(e)).map((e) => e.name);

  const all = [...(configured ?? []), ...(requested ?? []), ...(granted ?? [])];
  const everything = resolve(catalog, all);
  const overPrivileged = catalog.filter((e) => everything.entries.has(e) && !needed.has(e)).map((e) => e.name);
  const unknown = [...new Set(everything.unknown)];

  const notes = minimalEntries.flatMap((e) => (e.note ? [{ scope: e.name, note: e.note }] : []));

  return { minimal, missing, overPrivileged, unknown, unsupportedCapabilities, notes };
}
