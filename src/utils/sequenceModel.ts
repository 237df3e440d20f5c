// The sequence diagram's model: who takes part, one row per exchange, its colour, its text, and the fold of old rows.
/** The parties a diagram can show, left to right. The playground (the page) starts every exchange. */
export const LIFELINE_ORDER = ['playground', 'relay', 'discovery', 'token', 'api'] as const;
export type LifelineId = (typeof LIFELINE_ORDER)[number];
/** Where an exchange can go: everything but the page itself and the relay, which only ever forwards. */
export type ExchangeTarget = Exclude<LifelineId, 'playground' | 'relay'>;

/**
 * One request and its answer, as a row of the diagram. `D` is the masked request/response view shown on
 * selection (the components layer uses ApiExchange); the model never looks inside it.
 */
export interface SequenceExchange<D = unknown> {
  /** Stable across renders (React key, selection). */
  id: string;
  to: ExchangeTarget;
  /** Sent from Node by the local relay (CORS, mTLS) rather than by the page. */
  viaRelay?: boolean;
  /** What was sent, e.g. `POST /as/token client_secret_basic` — never a secret. */
  label: string;
  /** HTTP status; 0 when no response arrived; undefined while in flight. */
  status?: number;
  /** Failed without an HTTP status to show (a background refresh reports only its code). */
  failed?: boolean;
  /** The OAuth `error` or the playground's code, e.g. `invalid_client`, `NETWORK`. */
  errorCode?: string;
  /** 1 for a first try; shown from 2 on. */
  attempt?: number;
  /** The wait before the next attempt (backoff or Retry-After). */
  waitMs?: number;
  /** The wait was the server's Retry-After (RFC 9110 §10.2.3) rather than the client's backoff. */
  retryAfter?: boolean;
  /** A 403 the diagnostics explained, e.g. the missing worker scope (the hint marker). */
  hint?: string;
  detail?: D;
}

export interface Lifeline {
  id: LifelineId;
  label: string;
}

export type StatusTone = 'ok' | 'error' | 'none' | 'pending';

/** 2xx/3xx ok; 4xx/5xx error (the error colour); 0 no response; undefined still waiting. */
export function statusTone(status: number | undefined): StatusTone {
  if (status === undefined) return 'pending';
  if (status === 0) return 'none';
  return status < 400 ? 'ok' : 'error';
}

const DEFAULT_LABELS: Record<LifelineId, string> = {
  playground: 'Playground',
  relay: 'Local relay',
  discovery: 'Discovery document',
  token: 'Token endpoint',
  api: 'API',
};

/**
 * The lifelines to draw: the playground, the token endpoint and the API always (they are the flow); the relay
 * and the discovery document only when an exchange involves them.
 */
export function lifelinesFor(exchanges: readonly SequenceExchange[], apiLabel: string): Lifeline[] {
  const relay = exchanges.some((x) => x.viaRelay);
  const discovery = exchanges.some((x) => x.to === 'discovery');
  return LIFELINE_ORDER.filter((id) => (id === 'relay' ? relay : id === 'discovery' ? discovery : true)).map((id) => ({
    id,
    label: id === 'api' ? apiLabel : DEFAULT_LABELS[id],
  }));
}

/** The row's colour: a failure without a status is an error too. */
export function toneOf(x: Pick<SequenceExchange, 'status' | 'failed'>): StatusTone {
  return x.failed ? 'error' : statusTone(x.status);
}

/** `HTTP 503 temporarily_unavailable`, `no response (NETWORK)`, `failed (TIMEOUT)`, `waiting for the answer`. */
export function resultText(x: Pick<SequenceExchange, 'status' | 'errorCode' | 'failed'>): string {
  if (x.failed) return x.errorCode ? `failed (${x.errorCode})` : 'failed';
  if (x.status === undefined) return 'waiting for the answer';
  if (x.status === 0) return x.errorCode ? `no response (${x.errorCode})` : 'no response';
  return x.errorCode ? `HTTP ${x.status} ${x.errorCode}` : `HTTP ${x.status}`;
}

/** Formats a wait, e.g. `1.5 s` (the attempts timeline's formatMs, handed in so this core imports no component). */
export type FormatDelay = (ms: number) => string;

/** `waited 1 s (Retry-After)` or `waited 250 ms (backoff)`, when the exchange was followed by a wait. */
export function waitText(x: Pick<SequenceExchange, 'waitMs' | 'retryAfter'>, formatDelay: FormatDelay): string | undefined {
  if (x.waitMs === undefined) return undefined;
  return `waited ${formatDelay(x.waitMs)} (${x.retryAfter ? 'Retry-After' : 'backoff'})`;
}

/**
 * One line of the text alternative, e.g.
 * `Playground → Token endpoint: POST /as/token client_secret_basic — HTTP 503, attempt 2, waited 1 s (Retry-After)`.
 */
export function describeExchange(x: SequenceExchange, lifelines: readonly Lifeline[], formatDelay: FormatDelay): string {
  const target = lifelines.find((l) => l.id === x.to)?.label ?? DEFAULT_LABELS[x.to];
  const route = x.viaRelay ? `Playground → ${DEFAULT_LABELS.relay} → ${target}` : `Playground → ${target}`;
  const parts = [resultText(x)];
  if (x.attempt !== undefined && x.attempt > 1) parts.push(`attempt ${x.attempt}`);
  if (x.hint) parts.push(`hint: ${x.hint}`);
  const wait = waitText(x, formatDelay);
  if (wait) parts.push(wait);
  return `${route}: ${x.label} — ${parts.join(', ')}`;
}

export interface Folded<T> {
  /** How many of the oldest exchanges are folded away. */
  earlier: number;
  shown: readonly T[];
}

/**
 * Keeps the newest `keep` exchanges on the drawing (oldest first) so 200 retries stay one screen of SVG; the
 * text alternative still lists every exchange.
 */
export function foldOldest<T>(exchanges: readonly T[], keep: number): Folded<T> {
  const limit = Math.max(1, Math.floor(keep));
  if (exchanges.length <= limit) return { earlier: 0, shown: exchanges };
  return { earlier: exchanges.length - limit, shown: exchanges.slice(-limit) };
}

const UUID_SEGMENT = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$|\s)/gi;

/**
 * A label short enough to sit between two lifelines: ids (environment, user, device UUIDs) become `…`, and what
 * is still too long loses its middle. The text alternative and the tooltip keep the whole label.
 */
export function shortLabel(label: string, max = 44): string {
  const short = label.replace(UUID_SEGMENT, '/…');
  if (short.length <= max) return short;
  const head = Math.ceil((max - 1) / 2);
  return `${short.slice(0, head)}…${short.slice(short.length - (max - 1 - head))}`;
}
