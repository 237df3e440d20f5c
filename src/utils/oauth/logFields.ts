// What the token endpoint's log lines may say about a request: its path (never the query) and a failure code.
import { isPlaygroundError, OAuthResponseError } from '../errors';

/** The URL's path only: a query can carry anything, and log lines carry no secrets. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '(invalid url)';
  }
}

/** A server's `error` is hostile text: keep it to a short printable token in log lines. */
export function failureCode(error: unknown): string {
  if (error instanceof OAuthResponseError) return error.error.replace(/[^\x21-\x7E]/g, '?').slice(0, 64);
  return isPlaygroundError(error) ? error.code : 'UNEXPECTED';
}
