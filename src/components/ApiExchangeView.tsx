// One API call as step 4 shows it: method, URL, masked headers and body, status, and a masked response snippet.
import { useState, type ReactNode } from 'react';
import { ColorCodedURL } from './ColorCodedURL';
import { maskAuthorization, maskSensitiveText } from '../utils/mask';
import type { ApiExchange } from '../services/apiExchange';
import type { RecordedExchange } from '../hooks/useApiExchanges';
import './apiPanels.css';

/** A readable digest of a response (e.g. one row per MFA device), or undefined to show the body itself. */
export type ResponseSummary = (exchange: ApiExchange) => ReactNode | undefined;

export interface ApiExchangeViewProps {
  exchange: ApiExchange;
  /** Shown instead of a body it can digest, with the full body behind its own `Show full response`. */
  summary?: ResponseSummary | undefined;
}

/** Lines of a response shown before the rest folds behind `Show full response`: the result fits a demo screen. */
export const FOLDED_RESPONSE_LINES = 12;

/** Pretty-prints JSON text when it parses (a cut-off snippet does not, and is shown as it came). */
function pretty(text: string): string {
  if (text.trim() === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * Text as the view may show it. Response bodies from PingOne carry phone numbers and emails: they are masked with
 * the same rule as the logs (maskPhone / maskEmail), and OTPs, TOTP secrets, tokens and passwords are masked too.
 */
export function maskForView(text: string): string {
  return maskSensitiveText(pretty(text));
}

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${name.toLowerCase() === 'authorization' ? maskAuthorization(value) : value}`)
    .join('\n');
}

function statusClass(status: number): string {
  if (status === 0) return 'api-status api-status--none';
  if (status < 300) return 'api-status api-status--ok';
  if (status < 500) return 'api-status api-status--client';
  return 'api-status api-status--server';
}

/** The path of a URL, for the card's accessible name ("GET /users/…/devices"). */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** The response text, its first lines only until asked: a device list is several screens of JSON. */
function ResponseText({ text }: { text: string }) {
  const [full, setFull] = useState(false);
  const lines = text.split('\n');
  const long = lines.length > FOLDED_RESPONSE_LINES;
  const shown = long && !full ? `${lines.slice(0, FOLDED_RESPONSE_LINES).join('\n')}\n…` : text;
  return (
    <>
      <pre className="api-code" tabIndex={0}>
        {text === '' ? '(empty body)' : shown}
      </pre>
      {long && (
        <button type="button" className="btn btn--secondary btn--small api-exchange__more" aria-expanded={full} onClick={() => setFull(!full)}>
          {full ? 'Show less' : 'Show full response'}
        </button>
      )}
    </>
  );
}

/**
 * Renders an exchange record. Everything is text through React (never HTML), masked again here even though the
 * clients already masked it: the view is the last line of defence before the screen.
 */
export function ApiExchangeView({ exchange, summary }: ApiExchangeViewProps) {
  const { method, url, requestHeaders, requestBody, status, responseBody, durationMs, attempt, error } = exchange;
  const shownUrl = maskSensitiveText(url);
  const statusText = status === 0 ? 'No response' : `HTTP ${status}`;
  const response = maskForView(responseBody);
  const digest = summary?.(exchange);
  return (
    <article className="api-exchange" aria-label={`${method} ${pathOf(shownUrl)} — ${statusText}`}>
      <header className="api-exchange__header">
        <span className="api-method">{method}</span>
        <ColorCodedURL url={shownUrl} className="api-exchange__url" />
        <span className={statusClass(status)}>{statusText}</span>
        <span className="api-exchange__meta">
          {durationMs} ms{attempt !== undefined && attempt > 1 ? ` · attempt ${attempt}` : ''}
        </span>
      </header>
      <div className="api-exchange__grid">
        <section className="api-exchange__part" aria-label="Request">
          <h4 className="api-exchange__title">Request</h4>
          <pre className="api-code" tabIndex={0}>
            {`${method} ${shownUrl}\n${headerLines(requestHeaders)}`}
            {requestBody ? `\n\n${maskForView(requestBody)}` : ''}
          </pre>
        </section>
        <section className="api-exchange__part" aria-label="Response">
          <h4 className="api-exchange__title">Response</h4>
          {error && <p className="api-exchange__error">{error}</p>}
          {digest ?? <ResponseText text={response} />}
        </section>
      </div>
    </article>
  );
}

export interface ApiExchangeListProps {
  exchanges: readonly RecordedExchange[];
  /** Heading of the list, e.g. "Requests and responses". */
  title?: string;
  onClear?: () => void;
  summary?: ResponseSummary | undefined;
}

/** The console's recent calls, newest first, as a list named by its title. */
export function ApiExchangeList({ exchanges, title = 'Requests and responses', onClear, summary }: ApiExchangeListProps) {
  if (exchanges.length === 0) {
    return <p className="api-muted">Every call you make here shows its exact request and response below.</p>;
  }
  return (
    <section className="api-exchanges" aria-label={title}>
      <div className="api-exchanges__head">
        <h3 className="api-heading">{title}</h3>
        {onClear && (
          <button type="button" className="btn btn--secondary btn--small" onClick={onClear}>
            Clear calls
          </button>
        )}
      </div>
      <ol className="api-exchanges__list">
        {exchanges.map((x) => (
          <li key={x.id}>
            <ApiExchangeView exchange={x} summary={summary} />
          </li>
        ))}
      </ol>
    </section>
  );
}
