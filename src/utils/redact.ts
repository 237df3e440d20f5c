// Redaction for logs: masks secrets, tokens, keys, OTPs and personal data in strings and structured values.

/** What a fully masked value reads as. */
export const REDACTED = '[redacted]';
/** Characters of a token kept in front of the mask, so a reader can tell two tokens apart. */
export const TOKEN_PREFIX_LENGTH = 10;
/** Nesting beyond this depth is replaced, so a huge or hostile object cannot stall the logger. */
export const MAX_REDACT_DEPTH = 8;
const MAX_ARRAY_ITEMS = 100;
const BULLETS = '•••••';

/** Normalises a key: `client_secret`, `Client-Secret` and `clientSecret` all become `clientsecret`. */
function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Keys whose whole value is a secret: nothing of it is kept. */
const SECRET_KEYS = new Set([
  'clientsecret', 'secret', 'password', 'newpassword', 'currentpassword', 'privatekey', 'privatekeypem',
  'otp', 'otpcode', 'passcode', 'totp', 'pin', 'pairingkey', 'cookie', 'setcookie', 'apikey', 'xapikey',
  'clientassertion', 'assertion', 'codeverifier',
]);
/** Keys holding bearer-style tokens: a short prefix is kept for correlation. */
const TOKEN_KEYS = new Set(['accesstoken', 'idtoken', 'refreshtoken', 'token', 'workertoken', 'bearertoken']);
/** JWK private members (RFC 7518 §6.2.2, §6.3.2, §6.4.1): masked wherever they appear. */
const JWK_PRIVATE_ALWAYS = new Set(['d', 'dp', 'dq', 'qi']);
/** JWK private members too short to mask outside a JWK (`p`, `q`, `k` are common names). */
const JWK_PRIVATE_IN_JWK = new Set(['p', 'q', 'k', 'oth']);
const AUTHORIZATION_KEYS = new Set(['authorization', 'proxyauthorization']);
const PHONE_KEYS = new Set(['phone', 'phonenumber', 'mobile', 'mobilephone', 'msisdn']);

/**
 * Parameter or field names masked in free text: `name=value` (query strings, form bodies),
 * `"name": "value"` (JSON text) and `name: value`.
 */
const SECRET_PARAM_NAMES = [
  'client_secret', 'client_assertion', 'access_token', 'refresh_token', 'id_token', 'subject_token', 'token',
  'assertion', 'password', 'new_password', 'otp', 'code_verifier', 'private_key', 'clientSecret', 'privateKey',
  'accessToken', 'refreshToken', 'idToken', 'clientAssertion', 'newPassword',
];
const PARAM_NAMES = SECRET_PARAM_NAMES.join('|');
const QUOTED_PARAM = new RegExp(`(["'])(${PARAM_NAMES})\\1(\\s*:\\s*)(["'])((?:\\\\.|(?!\\4)[^\\\\])*)\\4`, 'gi');
const PLAIN_PARAM = new RegExp(`(^|[^A-Za-z0-9_])(${PARAM_NAMES})(\\s*[=:]\\s*)(?!["']|\\[redacted)([^\\s&#"',;}\\]]+)`, 'gi');

const PEM_PRIVATE = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;
const AUTH_HEADER =
  /\b((?:Proxy-)?Authorization)(["']?\s*[:=]\s*["']?)(?:(Basic|Bearer|DPoP|Digest|Negotiate)\s+)?([^\s"',;}]+)/gi;
const BARE_SCHEME = /(^|[^\w-])(Basic|Bearer|DPoP)\s+([A-Za-z0-9\-._~+/]{8,}=*)/g;
/** A run of base64url characters and dots: where a JWS or JWE can be, scanned once (no backtracking into it). */
const DOTTED_RUN = /[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)*/g;
/** A JWS has three segments, a JWE five (RFC 7515 §7.1, RFC 7516 §7.1). */
const JWS_SEGMENTS = 3;
const JWE_SEGMENTS = 5;
/**
 * `scheme://user:password@`. The scheme starts only where a run of scheme characters starts (the lookbehind), so a
 * long run such as `a.a.a.…` is scanned once, not once per position (issue 19). That run may start with a digit:
 * such a "scheme" is not one (RFC 3986 §3.1), but its password is masked all the same.
 */
const URL_USERINFO = /(?<![a-z0-9+.-])([a-z0-9+.-]+:\/\/)([^/\s:@]+):([^/\s@]+)@/gi;
/** `+` then 8–15 digits, optionally grouped with spaces, dots, dashes or brackets (E.164 and friends). */
const PHONE = /\+(\d{1,3})((?:[\s.()-]*\d){7,14})/g;
/** An e-mail address's local-part characters, and its domain matched right after the `@` (sticky). */
const EMAIL_LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;

/** Keeps a token's first characters (a JWT header prefix says nothing secret) and masks the rest. */
export function maskToken(token: string): string {
  if (token.length < TOKEN_PREFIX_LENGTH * 2) return REDACTED;
  return `${token.slice(0, TOKEN_PREFIX_LENGTH)}…${REDACTED}`;
}

/** `+15550100150` → `+1•••••0150`: the country code and the last four digits survive. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 5) return REDACTED;
  const last4 = digits.slice(-4);
  if (!phone.trim().startsWith('+')) return `${BULLETS}${last4}`;
  // Country codes are 1–3 digits; NANP (1) and Russia/Kazakhstan (7) are the common one-digit ones.
  const grouped = /^\+(\d{1,3})[\s.(-]/.exec(phone.trim());
  const countryCode = grouped?.[1] ?? (digits[0] === '1' || digits[0] === '7' ? digits.slice(0, 1) : digits.slice(0, 2));
  return `+${countryCode}${BULLETS}${last4}`;
}

/**
 * Where a JWT starts in one segment of a dotted run: an `eyJ` (`{"` encoded) at the segment's start or after a `-`
 * (a word boundary), with at least four characters after it before the next dot; -1 if none.
 */
function jwtStartIn(segment: string): number {
  for (let at = segment.indexOf('eyJ'); at !== -1; at = segment.indexOf('eyJ', at + 1)) {
    if (segment.length - at - 3 < 4) return -1;
    if (at === 0 || segment[at - 1] === '-') return at;
  }
  return -1;
}

/** The JWTs in one run of base64url characters and dots, masked: a JWE (five segments) where there are five. */
function maskJwtsInRun(run: string): string {
  const segments = run.split('.');
  const out: string[] = [];
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] as string;
    const start = i + JWS_SEGMENTS <= segments.length ? jwtStartIn(segment) : -1;
    if (start === -1) {
      out.push(segment);
      continue;
    }
    const count = i + JWE_SEGMENTS <= segments.length ? JWE_SEGMENTS : JWS_SEGMENTS;
    const jwt = [segment.slice(start), ...segments.slice(i + 1, i + count)].join('.');
    out.push(`${segment.slice(0, start)}${maskToken(jwt)}`);
    i += count - 1;
  }
  return out.join('.');
}

/**
 * Masks every JWS or JWE in the text, keeping a prefix. Each run of base64url characters and dots is found once and
 * split into its segments, rather than a JWT pattern tried from every `eyJ`: on `-eyJa-eyJa…` with no dot such a
 * pattern scanned the rest of the run from each of them, quadratic in its length (issue 19). What is masked is what
 * the pattern `\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?` matched.
 */
export function maskJwts(text: string): string {
  return text.indexOf('eyJ') === -1 ? text : text.replace(DOTTED_RUN, (run) => (run.includes('eyJ') ? maskJwtsInRun(run) : run));
}

/**
 * `jane.doe@example.com` → `j•••@example.com`, for every address in the text.
 *
 * Walks from `@` to `@` rather than running one regex over the text: a pattern that starts at any local-part
 * character rescans a whole run of such characters from each of its positions, so a 100 KB run of letters or digits
 * without an `@` took seconds (issue 19: a 1 MB request body froze the tab). Each character is now looked at a
 * bounded number of times; the addresses found are the ones the pattern found.
 */
export function maskEmail(text: string): string {
  let out = '';
  let copied = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > copied && EMAIL_LOCAL_CHAR.test(text[start - 1] as string)) start -= 1;
    if (start === at) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (!domain) continue;
    out += `${text.slice(copied, start)}${text[start] as string}•••@${domain[0]}`;
    copied = at + 1 + domain[0].length;
    at = copied - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Masks secrets inside free text: PEM private keys, Authorization headers, bare Basic/Bearer credentials,
 * JWTs (prefix kept), secret query/form/JSON parameters, URL passwords, phone numbers and e-mail addresses.
 */
export function redactString(input: string): string {
  let s = input;
  s = s.replace(PEM_PRIVATE, (_m, kind: string) => `-----BEGIN ${kind}PRIVATE KEY-----${REDACTED}-----END ${kind}PRIVATE KEY-----`);
  s = s.replace(AUTH_HEADER, (_m, name: string, sep: string, scheme: string | undefined) =>
    `${name}${sep}${scheme ? `${scheme} ` : ''}${REDACTED}`,
  );
  s = s.replace(BARE_SCHEME, (m, lead: string, scheme: string, credential: string) =>
    // "Basic authentication" is prose, not a credential: real credentials are never all lower-case letters.
    /^[a-z]+$/.test(credential) ? m : `${lead}${scheme} ${REDACTED}`,
  );
  s = s.replace(QUOTED_PARAM, (_m, q: string, name: string, sep: string, vq: string) => `${q}${name}${q}${sep}${vq}${REDACTED}${vq}`);
  s = s.replace(PLAIN_PARAM, (_m, lead: string, name: string, sep: string) => `${lead}${name}${sep}${REDACTED}`);
  s = maskJwts(s);
  s = s.replace(URL_USERINFO, (_m, scheme: string, user: string) => `${scheme}${user}:${REDACTED}@`);
  s = s.replace(PHONE, (m) => maskPhone(m));
  s = maskEmail(s);
  return s;
}

/** Masks the value of a key known to hold a secret. Null, undefined and booleans carry no secret. */
function maskByKey(kind: 'secret' | 'token' | 'authorization' | 'phone', value: unknown): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (typeof value !== 'string') return REDACTED;
  if (value === '') return value;
  switch (kind) {
    case 'token':
      return maskToken(value);
    case 'authorization': {
      const scheme = /^\s*(\w+)\s+\S/.exec(value)?.[1];
      return scheme ? `${scheme} ${REDACTED}` : REDACTED;
    }
    case 'phone':
      return maskPhone(value);
    default:
      return REDACTED;
  }
}

function keyKind(key: string, inJwk: boolean): 'secret' | 'token' | 'authorization' | 'phone' | undefined {
  const k = normaliseKey(key);
  if (AUTHORIZATION_KEYS.has(k)) return 'authorization';
  if (SECRET_KEYS.has(k) || JWK_PRIVATE_ALWAYS.has(k) || (inJwk && JWK_PRIVATE_IN_JWK.has(k))) return 'secret';
  if (TOKEN_KEYS.has(k)) return 'token';
  if (PHONE_KEYS.has(k)) return 'phone';
  // clientSecret, userPassword, workerAccessToken…; but not tokenType, tokenEndpoint or hasToken (a flag).
  if (/(secret|password|passwd|privatekey)$/.test(k)) return 'secret';
  if (/(accesstoken|refreshtoken|idtoken|assertion)$/.test(k)) return 'token';
  return undefined;
}

/** The only parts of an Error that are safe to log: never `cause`, `response` or request bodies. */
function redactError(error: Error): Record<string, unknown> {
  const e = error as Error & { code?: unknown; status?: unknown; field?: unknown };
  const out: Record<string, unknown> = { name: e.name, message: redactString(e.message) };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (typeof e.status === 'number') out.status = e.status;
  if (typeof e.field === 'string') out.field = e.field;
  return out;
}

function isBinary(value: object): value is ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function redactInner(value: unknown, depth: number, ancestors: WeakSet<object>): unknown {
  switch (typeof value) {
    case 'string':
      return redactString(value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return value;
    case 'bigint':
      return value.toString();
    case 'symbol':
      return value.toString();
    case 'function':
      return '[Function]';
  }
  if (value === null) return null;
  const obj = value as object;
  if (obj instanceof Error) return redactError(obj);
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof URL) return redactString(obj.href);
  if (obj instanceof URLSearchParams) return redactString(obj.toString());
  // Raw bytes may be key material; their content is never useful in a log.
  if (isBinary(obj)) return `[Binary ${obj.byteLength} bytes]`;
  if (typeof CryptoKey !== 'undefined' && obj instanceof CryptoKey) return `[CryptoKey ${obj.type} ${obj.algorithm.name}]`;
  if (ancestors.has(obj)) return '[Circular]';
  if (depth >= MAX_REDACT_DEPTH) return '[Truncated]';
  ancestors.add(obj);
  try {
    if (Array.isArray(obj) || obj instanceof Set) {
      const items = [...obj];
      const out = items.slice(0, MAX_ARRAY_ITEMS).map((item) => redactInner(item, depth + 1, ancestors));
      if (items.length > MAX_ARRAY_ITEMS) out.push(`[${items.length - MAX_ARRAY_ITEMS} more]`);
      return out;
    }
    const entries: Array<[string, unknown]> =
      obj instanceof Map
        ? [...obj.entries()].map(([k, v]) => [String(k), v])
        : typeof Headers !== 'undefined' && obj instanceof Headers
          ? [...obj.entries()]
          : Object.entries(obj);
    const inJwk = entries.some(([k]) => k === 'kty');
    const out: Record<string, unknown> = {};
    for (const [key, item] of entries) {
      const kind = keyKind(key, inJwk);
      out[key] = kind ? maskByKey(kind, item) : redactInner(item, depth + 1, ancestors);
    }
    return out;
  } finally {
    ancestors.delete(obj);
  }
}

/**
 * Returns a redacted, JSON-safe copy of any value: secret-named keys masked, every string passed through
 * {@link redactString}, Errors reduced to `{ name, code, message, status }`, cycles and deep nesting cut.
 * Never throws and never mutates its input.
 */
export function redactValue(value: unknown): unknown {
  try {
    return redactInner(value, 0, new WeakSet());
  } catch {
    // A hostile getter or proxy must not break logging.
    return '[Unloggable value]';
  }
}
