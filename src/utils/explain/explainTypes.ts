// The error explainer's shapes: the failure as plain data, and what a card shows for it.

/** The failure to explain, as plain data safe to render and log (the flow's `FlowError` is this shape). */
export interface ExplainableError {
  /** the playground's stable error code (`OAUTH_ERROR`, `NETWORK`, …) */
  code: string;
  message: string;
  /** HTTP status; absent when there was none (network error, a browser's opaque redirect) */
  status?: number;
  /** OAuth `error` (RFC 6749 §5.2) */
  error?: string;
  error_description?: string;
  /** the flow form's field at fault (core errors use the form's field names) */
  field?: string;
  /** the start of the response body, masked */
  bodySnippet?: string;
  /** what the server's Retry-After asked for, in ms */
  retryAfterMs?: number;
  /** after a network failure's probe: CORS or nothing there */
  reachability?: 'cors_blocked' | 'unreachable';
  /** the origin that was called (network failures) */
  origin?: string;
  /** the local relay's URL (relay failures) */
  relayUrl?: string;
  /** the relay's reason, written for a person */
  reason?: string;
  /** relay_upstream_error: unreachable | tls | timeout | too_large */
  kind?: string;
  /** relay_upstream_error: the Node/OpenSSL code, e.g. ECONNREFUSED */
  upstreamCode?: string;
}

/** What the error card shows. Plain strings: the card renders them as text, never as HTML. */
export interface ErrorExplanation {
  heading: 'We hit an issue';
  /** the code a person searches for: the OAuth `error`, `HTTP 503`, or the playground's error code */
  label: string;
  summary: string;
  likelyCauses: string[];
  fixHint: string;
}

export type Explainer = (error: ExplainableError) => Omit<ErrorExplanation, 'heading' | 'label'>;
