// microauthd's five built-in scopes as a table (name, UUID, what it enables, endpoint), matched against the token.
import { useId } from 'react';
import { MICROAUTHD_MODEL, MICROAUTHD_SCOPE_CATALOG } from '../../config/microauthd';
import { matchGrantedScopes, type ScopeCatalogEntry } from '../../config/scopeCatalog';
import '../../components/apiPanels.css';
import { IconCheck, IconCross } from '../../components/icons/statusIcons';
import { IconBook } from '../../components/icons/objectIcons';

export interface ScopeCatalogPanelProps {
  /** The token's granted scopes (names or UUIDs, space-delimited); undefined when unknown. */
  granted?: string | readonly string[];
  catalog?: readonly ScopeCatalogEntry[];
  /** The model texts; default MICROAUTHD_MODEL. */
  model?: Readonly<Record<string, string>>;
}

type ScopeMatch = ReturnType<typeof matchGrantedScopes>;

function GrantedCell({ match, hit }: { match: ScopeMatch | undefined; hit: ScopeMatch['recognised'][number] | undefined }) {
  if (match === undefined) return <span className="api-muted">unknown</span>;
  if (hit) return <span className="scope-granted"><IconCheck /> granted{hit.grantedAs === 'id' ? ' (as UUID)' : ''}</span>;
  return <span className="scope-absent"><IconCross /> not granted</span>;
}

function ScopeRow({ entry, match }: { entry: ScopeCatalogEntry; match: ScopeMatch | undefined }) {
  const hit = match?.recognised.find((r) => r.entry === entry);
  return (
    <tr className={hit ? 'is-granted' : undefined}>
      <th scope="row">
        <code>{entry.name}</code>
      </th>
      <td>
        <code className="scope-catalog__uuid">{entry.id ?? '—'}</code>
      </td>
      <td>{entry.enables}</td>
      <td>
        {entry.endpoints.map((e) => (
          <code key={`${e.method} ${e.path}`} className="scope-catalog__endpoint">
            {e.method} {e.path}
          </code>
        ))}
      </td>
      <td>
        <GrantedCell match={match} hit={hit} />
      </td>
    </tr>
  );
}

/**
 * A table of the catalog with a check mark on each scope the token carries — by friendly name or by UUID, since microauthd
 * stores its built-in scopes as UUIDs and tokens may carry either.
 */
export function ScopeCatalogPanel({ granted, catalog = MICROAUTHD_SCOPE_CATALOG, model = MICROAUTHD_MODEL }: ScopeCatalogPanelProps) {
  const id = useId();
  const match = granted === undefined ? undefined : matchGrantedScopes(catalog, granted);

  return (
    <section className="scope-catalog" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="api-heading">
        <IconBook /> microauthd’s built-in scopes
      </h3>
      <div className="table-scroll">
        <table className="scope-catalog__table">
          <caption className="api-sr-only">Built-in scopes and whether your token has them</caption>
          <thead>
            <tr>
              <th scope="col">Scope</th>
              <th scope="col">UUID</th>
              <th scope="col">What it enables</th>
              <th scope="col">Endpoint</th>
              <th scope="col">In your token</th>
            </tr>
          </thead>
          <tbody>
            {catalog.map((entry) => (
              <ScopeRow key={entry.name} entry={entry} match={match} />
            ))}
          </tbody>
        </table>
      </div>
      {match && match.unknown.length > 0 && (
        <p className="api-muted">
          Other scopes in your token: <code>{match.unknown.join(' ')}</code>
        </p>
      )}
      {match === undefined && (
        <p className="api-muted">The token’s scopes are unknown (it is not a JWT and the response had no scope).</p>
      )}
      <h4 className="api-exchange__title">How microauthd thinks about scopes</h4>
      <ul className="scope-catalog__model">
        {Object.entries(model).map(([key, text]) => (
          <li key={key}>{text}</li>
        ))}
      </ul>
    </section>
  );
}
