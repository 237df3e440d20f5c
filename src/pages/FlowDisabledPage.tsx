// Shown at a flow's route when its feature flag is off: says so and how to turn it on.

import { InfoBox } from '../components/InfoBox';
import { PageTitle } from '../components/PageTitle';

export interface FlowDisabledPageProps {
  flowName: string;
  /** Dotted config path of the flag, e.g. `oauth.clientCredentials.enabled`. */
  flagPath: string;
  /** The VITE_* variable that sets it. */
  envVariable: string;
  /** Which config layer switched it off (`default`, `.env`, `settings.json`, `localStorage`…). */
  flagSource?: string;
  /** Turns the flag on in this browser only (localStorage layer). */
  onEnableHere?: () => void;
}

function settingsSnippet(flagPath: string): string {
  const parts = flagPath.split('.');
  const inner = parts.reduceRight<unknown>((value, key) => ({ [key]: value }), true);
  return JSON.stringify(inner, null, 2);
}

export function FlowDisabledPage({ flowName, flagPath, envVariable, flagSource, onEnableHere }: FlowDisabledPageProps) {
  const why =
    flagSource === undefined || flagSource === 'default'
      ? 'production builds default to off'
      : `switched off by ${flagSource}`;
  return (
    <div className="page">
      <PageTitle title="This flow is disabled" subtitle={`The ${flowName} flow is switched off by configuration.`} />
      <InfoBox variant="info" title="How to enable it">
        <p>
          The feature flag <code>{flagPath}</code> is off ({why}). Turn it on in any of these places — later ones win:
        </p>
        <ol className="steps-list">
          <li>
            <code>.env</code>: <code>{envVariable}=true</code>, then restart the dev server.
          </li>
          <li>
            <code>public/settings.json</code> (served as <code>/settings.json</code>):
            <pre className="code-block">{settingsSnippet(flagPath)}</pre>
          </li>
          <li>
            This browser only: saved in <code>localStorage</code>.
          </li>
        </ol>
        {onEnableHere && (
          <button type="button" className="btn btn--primary" onClick={onEnableHere}>
            Enable in this browser
          </button>
        )}
      </InfoBox>
    </div>
  );
}
