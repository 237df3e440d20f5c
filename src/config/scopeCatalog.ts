// Scope catalogs as data: which scope a provider needs for which endpoint, and lookups over a catalog.
import { splitScopes } from '../utils/scopes';

/**
 * One scope a provider knows about, what it enables and which endpoints it gates.
 * PingOne entries live in `src/config/pingone.ts`, microauthd entries in `src/config/microauthd.ts`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export interface ScopeCatalogEntry {
  provider: 'pingone' | 'microauthd';
  /** The scope string as it is requested (friendly name, e.g. `admin::read_user`). */
  name: string;
  /** microauthd stores built-in scopes as immutable UUIDs; tokens may carry either form. */
  id?: string;
  /** One line for humans: what holding this scope lets a caller do. */
  enables: string;
  /**
   * Endpoints this scope gates. Paths are templates relative to the API base, with `{param}` segments
   * (e.g. `/user/{id}/reset`).
   */
  endpoints: Array<{ method: string; path: string }>;
  /** A short machine key for the capability, e.g. `users.read`, `devices.create`; the scope advisor's input. */
  capability: string;
  /** A caveat worth showing next to the scope (e.g. "cannot be granted on a client_credentials flow"). */
  note?: string;
}

/** How a granted scope string matched a catalog entry. */
export interface RecognisedScope {
  entry: ScopeCatalogEntry;
  grantedAs: 'name' | 'id';
}

/** The result of {@link matchGrantedScopes}. */
export interface GrantedScopeMatch {
  recognised: RecognisedScope[];
  /** Granted strings that no catalog entry knows, in the order given, without duplicates. */
  unknown: string[];
}

/** UUIDs compare case-insensitively; names are exact (scope strings are case-sensitive, RFC 6749 §3.3). */
function sameId(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** How `value` names `entry`, if it does. */
function matchKind(entry: ScopeCatalogEntry, value: string): 'name' | 'id' | undefined {
  if (entry.name === value) return 'name';
  if (sameId(entry.id, value)) return 'id';
  return undefined;
}

/** Finds the entry a scope string names: its friendly name or (microauthd) its UUID. */
export function findScope(catalog: readonly ScopeCatalogEntry[], nameOrId: string): ScopeCatalogEntry | undefined {
  const value = nameOrId.trim();
  return catalog.find((e) => e.name === value) ?? catalog.find((e) => sameId(e.id, value));
}

/**
 * Sorts granted scopes into catalog entries (noting whether each came as a name or a UUID) and unknown strings.
 * A scope granted both as name and as UUID is one recognised entry (the first form seen).
 */
export function matchGrantedScopes(
  catalog: readonly ScopeCatalogEntry[],
  granted: string | readonly string[],
): GrantedScopeMatch {
  const recognised: RecognisedScope[] = [];
  const unknown: string[] = [];
  for (const value of splitScopes(granted)) {
    let hit: RecognisedScope | undefined;
    for (const entry of catalog) {
      const kind = matchKind(entry, value);
      if (kind) {
        hit = { entry, grantedAs: kind };
        break;
      }
    }
    if (!hit) unknown.push(value);
    else if (!recognised.some((r) => r.entry === hit.entry)) recognised.push(hit);
  }
  return { recognised, unknown };
}

/** The path part of a URL or path, without query, fragment or trailing slash, split into segments. */
function pathSegments(pathOrUrl: string): string[] {
  let path = pathOrUrl.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  path = path.replace(/[?#].*$/, '');
  return path.split('/').filter((s) => s.length > 0);
}

const PARAM = /^\{[^{}/]+\}$/;

/**
 * Matches a template against the END of a concrete path, so that an absolute URL under any base
 * (`http://host/microauthd/user/42`) still matches `/user/{id}`. Returns the number of literal segments
 * matched (for specificity), or -1.
 */
function suffixMatch(template: string[], concrete: string[]): number {
  if (template.length > concrete.length) return -1;
  const offset = concrete.length - template.length;
  let literals = 0;
  for (let i = 0; i < template.length; i++) {
    const t = template[i] as string;
    const c = concrete[offset + i] as string;
    if (PARAM.test(t)) continue;
    if (t !== c) return -1;
    literals++;
  }
  return literals;
}

/**
 * The scope that gates an endpoint. `path` may be a concrete path or a full URL; it is matched against the
 * catalog's templates (`{id}`-style params) anchored at the end, preferring the most literal, longest template.
 */
export function scopeForEndpoint(
  catalog: readonly ScopeCatalogEntry[],
  method: string,
  path: string,
): ScopeCatalogEntry | undefined {
  const verb = method.trim().toUpperCase();
  const concrete = pathSegments(path);
  let best: { entry: ScopeCatalogEntry; literals: number; length: number } | undefined;
  for (const entry of catalog) {
    for (const endpoint of entry.endpoints) {
      if (endpoint.method.toUpperCase() !== verb) continue;
      const template = pathSegments(endpoint.path);
      const literals = suffixMatch(template, concrete);
      if (literals < 0) continue;
      if (!best || literals > best.literals || (literals === best.literals && template.length > best.length)) {
        best = { entry, literals, length: template.length };
      }
    }
  }
  return best?.entry;
}
