// The request description as a POSIX-shell cURL command: single-quoted values, placeholders for credentials.
import type { RequestDescription } from './description';
import { authorizationPlaceholder, bodyPairs, isAuthorizationHeader, SENSITIVE_BODY_PARAMS, splitAuthorization } from './requestMask';

/**
 * Quotes a string for a POSIX shell: wrapped in single quotes, each `'` written as `'\''`. Inside single quotes
 * nothing is special (no `$`, backtick, `\` or `!` expansion in sh), so any string round-trips.
 * @see https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_02_02
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The client certificate for mTLS (RFC 8705) as curl file options: file names (never PEM contents); empty names
 * become shell variables, as a pasted certificate has no file the command could name.
 */
export interface CurlClientCertificate {
  certFile: string;
  keyFile: string;
  caFile?: string;
}

function certificateOptions(cert: CurlClientCertificate | undefined): string[] {
  if (!cert) return [];
  const file = (name: string, variable: string) => (name.trim() ? shellQuote(name.trim()) : `"\${${variable}}"`);
  const lines = [`--cert ${file(cert.certFile, 'CLIENT_CERT_FILE')}`, `--key ${file(cert.keyFile, 'CLIENT_KEY_FILE')}`];
  if (cert.caFile?.trim()) lines.push(`--cacert ${shellQuote(cert.caFile.trim())}`);
  return lines;
}

/**
 * A copyable cURL command, one option per line with ` \` continuations. It reproduces the description's body
 * byte for byte (one `--data-raw` per encoded pair, joined by curl with `&`). Unless `reveal` is set, credentials
 * are shell variables (`"${CLIENT_SECRET}"`, `"${CLIENT_ASSERTION}"`, `"${BASIC_CREDENTIALS}"`): obviously
 * placeholders, still shell-safe, and the command works once they are exported (curl url-encodes the secret via
 * `--data-urlencode`).
 */
export function toCurl(desc: RequestDescription, opts: { reveal?: boolean; clientCertificate?: CurlClientCertificate } = {}): string {
  const reveal = opts.reveal === true;
  const lines = [`curl --request ${desc.method}`, `--url ${shellQuote(desc.url)}`, ...certificateOptions(opts.clientCertificate)];
  for (const [name, value] of Object.entries(desc.headers)) {
    if (!reveal && isAuthorizationHeader(name)) {
      const { scheme } = splitAuthorization(value);
      const variable = `"\${${authorizationPlaceholder(scheme)}}"`;
      // Double quotes read better (and `!` is kept out: bash history expansion); fall back to quote concatenation if the name or scheme is not a plain token.
      const plain = /^[A-Za-z0-9._-]+$/;
      lines.push(
        plain.test(name) && plain.test(scheme)
          ? `--header "${name}: ${scheme} ${variable.slice(1)}`
          : `--header ${shellQuote(`${name}: ${scheme} `)}${variable}`,
      );
    } else {
      lines.push(`--header ${shellQuote(`${name}: ${value}`)}`);
    }
  }
  for (const { name, encoded } of bodyPairs(desc.body)) {
    const placeholder = SENSITIVE_BODY_PARAMS[name];
    if (!reveal && placeholder) {
      lines.push(`--data-urlencode "${name}=\${${placeholder}}"`);
    } else {
      lines.push(`--data-raw ${shellQuote(encoded)}`);
    }
  }
  return lines.map((line, i) => (i === 0 ? line : `  ${line}`)).join(' \\\n');
}
