// The least-privilege scope advisor: tick what the client must do, see the minimal scopes and what is off.
import { useId, useState, type ReactNode } from 'react';
import type { ScopeCatalogEntry } from '../config/scopeCatalog';
import { splitScopes } from '../utils/scopes';
import { adviseScopes } from '../utils/scopeAdvisor';
import { CollapsibleSection } from './CollapsibleSection';
import { InfoBox } from './InfoBox';
import './apiPanels.css';
import { IconShield, IconSparkle } from './icons/objectIcons';

export interface ScopeAdvisorProps {
  /** The provider's scope catalog (PINGONE_SCOPE_CATALOG, MICROAUTHD_SCOPE_CATALOG…). */
  catalog: readonly ScopeCatalogEntry[];
  /** Capabilities ticked at first; default: all of them. */
  defaultWanted?: readonly string[];
  /** Scopes configured in step 1 (form.scopes). */
  configured?: readonly string[] | string;
  /** Scopes sent in the token request. */
  requested?: readonly string[] | string;
  /** Scopes the token carries (response `scope` or the JWT claim). */
  granted?: readonly string[] | string;
  /** The provider's access model in a sentence or two (PingOne: roles, not scopes). */
  modelNote?: ReactNode;
  /** Friendly labels per capability key; default: the key itself, or the one entry's `enables` text. */
  capabilityLabels?: Readonly<Record<string, string>>;
}

/** Capability keys in catalog order, each with a label. */
export function capabilitiesOf(
  catalog: readonly ScopeCatalogEntry[],
  labels: Readonly<Record<string, string>> = {},
): Array<{ key: string; label: string }> {
  const keys = [...new Set(catalog.map((e) => e.capability))];
  return keys.map((key) => {
    const entries = catalog.filter((e) => e.capability === key);
    const fallback = entries.length === 1 && !key.includes(' ') ? (entries[0]?.enables ?? key) : key;
    const label = labels[key] ?? fallback;
    return { key, label: label.charAt(0).toUpperCase() + label.slice(1) };
  });
}

/** A named list of scope codes, so each set can be found by its name ("Minimal scopes", "Missing scopes"…). */
function ScopeCodes({ scopes, label }: { scopes: readonly string[]; label: string }) {
  if (scopes.length === 0) return <span className="api-muted">(none)</span>;
  return (
    <ul className="scope-codes" aria-label={label}>
      {scopes.map((s) => (
        <li key={s}>
          <code className="scope-code">{s}</code>
        </li>
      ))}
    </ul>
  );
}

type Advice = ReturnType<typeof adviseScopes>;

interface WantedCapabilitiesProps {
  id: string;
  capabilities: ReadonlyArray<{ key: string; label: string }>;
  wanted: readonly string[];
  onToggle: (key: string, on: boolean) => void;
}

function WantedCapabilities({ id, capabilities, wanted, onToggle }: WantedCapabilitiesProps) {
  return (
    <fieldset className="scope-advisor__wants">
      <legend>What must this client do?</legend>
      {capabilities.map((c) => (
        <div key={c.key} className="form-field--check">
          <input id={`${id}-${c.key}`} type="checkbox" checked={wanted.includes(c.key)} onChange={(e) => onToggle(c.key, e.target.checked)} />
          <label htmlFor={`${id}-${c.key}`}>{c.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** One compared set (configured, requested or granted), shown only when the page knows it. */
function ComparedSet({ term, scopes, label }: { term: string; scopes: readonly string[] | string | undefined; label: string }) {
  if (scopes === undefined) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>
        <ScopeCodes scopes={splitScopes(scopes)} label={label} />
      </dd>
    </>
  );
}

/** Missing, over-privileged, or exactly right, compared with the most advanced set known. */
function AdviceVerdict({ advice, comparedWith }: { advice: Advice; comparedWith: string | undefined }) {
  return (
    <>
      {advice.missing.length > 0 && comparedWith && (
        <InfoBox variant="warning" title={`Missing from the ${comparedWith} scopes`}>
          <ScopeCodes scopes={advice.missing} label="Missing scopes" />
          <p>Calls that need {advice.missing.length === 1 ? 'it' : 'them'} will likely be refused with 403.</p>
        </InfoBox>
      )}
      {advice.overPrivileged.length > 0 && (
        <InfoBox variant="warning" title="More than this client needs (over-privileged)">
          <ScopeCodes scopes={advice.overPrivileged} label="Over-privileged scopes" />
          <p>
            Remove them in step 1 unless a call you make needs them: a leaked token should be able to do as little as
            possible.
          </p>
        </InfoBox>
      )}
      {advice.missing.length === 0 && advice.overPrivileged.length === 0 && comparedWith && (
        <InfoBox variant="success" title={<>Exactly what is needed <IconSparkle /></>}>
          <p>The {comparedWith} scopes match the least-privilege set for what you ticked.</p>
        </InfoBox>
      )}
    </>
  );
}

/** Scopes outside the catalog, and how the provider decides (its model note and the catalog's notes). */
function AdviceNotes({ advice, modelNote }: { advice: Advice; modelNote: ReactNode }) {
  const notes = [...new Set(advice.notes.map((n) => n.note))];
  return (
    <>
      {advice.unknown.length > 0 && (
        <div className="api-muted">
          <p>Not in this provider’s catalog (left alone):</p>
          <ScopeCodes scopes={advice.unknown} label="Unknown scopes" />
        </div>
      )}
      {(modelNote || notes.length > 0) && (
        // Folded: the verdict above is the answer; how the provider decides is the background to it.
        <CollapsibleSection title="How this provider decides" headingLevel={4}>
          <InfoBox variant="info">
            {modelNote && <p>{modelNote}</p>}
            {notes.map((n) => (
              <p key={n}>{n}</p>
            ))}
          </InfoBox>
        </CollapsibleSection>
      )}
    </>
  );
}

/**
 * Provider-agnostic: the catalog says which scope gates which endpoint, `adviseScopes` picks the fewest that cover
 * the ticked capabilities, and the lists compare them with what was configured, requested and granted.
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.3
 */
export function ScopeAdvisor({ catalog, defaultWanted, configured, requested, granted, modelNote, capabilityLabels }: ScopeAdvisorProps) {
  const id = useId();
  const capabilities = capabilitiesOf(catalog, capabilityLabels);
  const [wanted, setWanted] = useState<string[]>(() => [...(defaultWanted ?? capabilities.map((c) => c.key))]);
  const advice = adviseScopes({ catalog, wanted, configured, requested, granted });
  const comparedWith = granted !== undefined ? 'granted' : requested !== undefined ? 'requested' : configured !== undefined ? 'configured' : undefined;
  const toggle = (key: string, on: boolean) => setWanted((w) => (on ? [...w, key] : w.filter((k) => k !== key)));

  return (
    <section className="scope-advisor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="api-heading">
        <IconShield /> Least-privilege scope advisor
      </h3>
      <WantedCapabilities id={id} capabilities={capabilities} wanted={wanted} onToggle={toggle} />

      <dl className="scope-advisor__result">
        <dt>Minimal scopes</dt>
        <dd>
          <ScopeCodes scopes={advice.minimal} label="Minimal scopes" />
        </dd>
        <ComparedSet term="Configured" scopes={configured} label="Scopes configured in step 1" />
        <ComparedSet term="Requested" scopes={requested} label="Scopes sent in the token request" />
        <ComparedSet term="Granted" scopes={granted} label="Scopes the token carries" />
      </dl>

      <AdviceVerdict advice={advice} comparedWith={comparedWith} />
      <AdviceNotes advice={advice} modelNote={modelNote} />
    </section>
  );
}
