// Step 4's device-list answer at a glance: one row per device, with the full (masked) JSON one click away.
import { useId, useState } from 'react';
import { JsonView } from '../../components/JsonView';
import { maskForView } from '../../components/ApiExchangeView';
import { parseJsonSafely } from '../../utils/secureJson';
import type { ApiExchange } from '../../services/apiExchange';
import { deviceSummaryRows, type DeviceSummaryRow } from './DeviceSummaryRows';
import './DeviceSummary.css';

export interface DeviceSummaryProps {
  rows: readonly DeviceSummaryRow[];
  /** The response body as received; shown masked, on request. */
  body: string;
}

function FullResponse({ body }: { body: string }) {
  const masked = maskForView(body);
  const parsed = parseJsonSafely(masked);
  if (parsed.ok) return <JsonView value={parsed.value} label="Full response" />;
  return (
    <pre className="api-code" tabIndex={0} role="group" aria-label="Full response">
      {masked}
    </pre>
  );
}

/**
 * A table a stakeholder reads in one look instead of a JSON dump several screens long. Everything is text
 * through React; phones and emails arrive masked in the rows, and the full response is masked again here.
 */
export function DeviceSummary({ rows, body }: DeviceSummaryProps) {
  const [full, setFull] = useState(false);
  const fullId = useId();
  return (
    <div className="device-summary">
      <table className="device-summary__table">
        <caption className="device-summary__caption">
          {rows.length === 0 ? 'No devices' : `${rows.length} device${rows.length === 1 ? '' : 's'}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Nickname</th>
            <th scope="col">Phone or email</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.type}</td>
              <td>{r.status}</td>
              <td>{r.nickname || '—'}</td>
              <td>{r.contact || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn--secondary btn--small" aria-expanded={full} aria-controls={fullId} onClick={() => setFull(!full)}>
        {full ? 'Hide full response' : 'Show full response'}
      </button>
      <div id={fullId} hidden={!full}>
        {full && <FullResponse body={body} />}
      </div>
    </div>
  );
}

/** The exchange view's summary for a device list (`GET …/devices` answered 2xx); other calls show their body. */
export function deviceListSummary(exchange: ApiExchange) {
  if (exchange.method !== 'GET' || exchange.status < 200 || exchange.status >= 300) return undefined;
  const rows = deviceSummaryRows(exchange.responseBody);
  return rows ? <DeviceSummary rows={rows} body={exchange.responseBody} /> : undefined;
}
