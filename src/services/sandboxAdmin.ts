// The local sandbox's admin API: read /sandbox/info, register a client, inject and clear faults, through the HTTP seam.
import * as z from '../utils/zod';
import { AUTH_METHODS } from '../types/token';
import { InputError, isPlaygroundError, PlaygroundError } from '../utils/errors';
import { fetchWithTimeout } from '../utils/http';
import { readJsonBody } from '../utils/secureJson';

/** Where `npm run sandbox` listens unless SANDBOX_PORT says otherwise. */
export const DEFAULT_SANDBOX_URL = 'http://localhost:4500';

/** The commands that start the sandbox, for the "cannot reach the sandbox" alert. */
export const SANDBOX_START_COMMANDS = Object.freeze({ alone: 'npm run sandbox', withApp: 'npm start' });

/** A non-empty string. */
const filled = () => z.string().check(z.minLength(1));

const publicJwkSchema = () => z.looseObject({ kty: z.string() });

// Built on the first sandbox answer, not at import (issue 24: page-load main thread; see lazySchema).
const sandboxClientSchema = z.lazySchema(() => z.object({
  client_id: filled(),
  client_secret: z.optional(z.string()),
  token_endpoint_auth_method: z.enum(AUTH_METHODS),
  scope: z._default(z.string(), ''),
  /** microauthd clients: the friendly names of `scope` (which may hold UUIDs). */
  scope_names: z.optional(z.string()),
  purpose: z._default(z.string(), ''),
  roles: z._default(z.array(z.string()), []),
  provider: z._default(z.enum(['pingone', 'microauthd']), 'pingone'),
  jwks: z.optional(z.object({ keys: z.array(publicJwkSchema()) })),
  /** Only on the demo private_key_jwt client: a committed, public DEMO key. */
  private_key_pem: z.optional(z.string()),
  /** mTLS clients (RFC 8705): the demo certificate, key and CA, as file names in the relay's certificate directory. */
  certRef: z.optional(z.string()),
  keyRef: z.optional(z.string()),
  caRef: z.optional(z.string()),
  mtls_token_endpoint: z.optional(z.string()),
}));

/**
 * The demo clients this app can use: one the app cannot parse (a method it does not speak yet, a newer sandbox)
 * is left out rather than making the whole /sandbox/info unreadable.
 */
const sandboxClientsSchema = () => z.pipe(z.array(z.unknown()), z.transform((list: unknown[]) =>
  list.flatMap((item) => {
    const parsed = sandboxClientSchema().safeParse(item);
    return parsed.success ? [parsed.data] : [];
  }),
));

/** The sandbox's mTLS listener (RFC 8705): its token endpoint, the API on it, and the demo CA's file name. */
const sandboxMtlsSchema = () => z.object({
  baseUrl: filled(),
  tokenEndpoint: filled(),
  apiBase: filled(),
  caRef: filled(),
});

const sandboxInfoSchema = z.lazySchema(() => z.object({
  environmentId: filled(),
  issuer: filled(),
  tokenEndpoint: filled(),
  discoveryUrl: filled(),
  jwksUri: filled(),
  apiBase: filled(),
  microauthdBase: z.optional(z.string()),
  authz: z.optional(z.string()),
  mtls: z.optional(sandboxMtlsSchema()),
  clients: sandboxClientsSchema(),
  users: z._default(z.array(z.looseObject({ id: z.string(), username: z.string() })), []),
}));

/**
 * Builds the rules /sandbox/info's answer is checked with, ahead of it (the flow page calls this in a task of its own,
 * flowRules.ts, so the answer's arrival does not build them too; issue 24).
 */
export function prepareSandboxInfoRules(): void {
  sandboxInfoSchema();
  sandboxClientSchema();
}

export type SandboxClient = z.infer<ReturnType<typeof sandboxClientSchema>>;
export type SandboxInfo = z.infer<ReturnType<typeof sandboxInfoSchema>>;

export interface SandboxAdminOptions {
  /** The sandbox origin, e.g. http://localhost:4500 */
  baseUrl?: string;
  signal?: AbortSignal;
}

export interface SandboxClientRegistration {
  token_endpoint_auth_method: SandboxClient['token_endpoint_auth_method'];
  client_secret?: string;
  /** Public keys only: the sandbox refuses private members. */
  jwks?: { keys: readonly object[] };
  scope: string;
  client_id?: string;
}

export interface SandboxFault {
  target: 'token' | 'api';
  count: number;
  status?: number;
  retryAfter?: number | string;
  delayMs?: number;
  drop?: boolean;
  body?: string;
}

function endpoint(opts: SandboxAdminOptions, path: string): string {
  const base = (opts.baseUrl ?? DEFAULT_SANDBOX_URL).replace(/\/+$/, '');
  return `${base}${path}`;
}

async function call(opts: SandboxAdminOptions, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchWithTimeout(endpoint(opts, path), init, { signal: opts.signal, peer: 'the sandbox' });
  } catch (cause) {
    // ABORTED and TIMEOUT say what happened; every other failure means the sandbox is not running there.
    if (isPlaygroundError(cause) && cause.code !== 'NETWORK') throw cause;
    throw new PlaygroundError(
      'NETWORK',
      `Cannot reach the sandbox at ${opts.baseUrl ?? DEFAULT_SANDBOX_URL}. Start it with \`${SANDBOX_START_COMMANDS.alone}\` ` +
        `(or \`${SANDBOX_START_COMMANDS.withApp}\` for the sandbox and the app together).`,
      { cause },
    );
  }
}

/** Reads a JSON body and turns a sandbox `{ error, field?, message? }` failure into an InputError on that field. */
async function readJson(response: Response, what: string): Promise<unknown> {
  const body = await readJsonBody(response);
  if (!response.ok) {
    const detail = body.ok ? (body.value as { field?: unknown; message?: unknown; error_description?: unknown } | null) : null;
    const message = typeof detail?.message === 'string' ? detail.message
      : typeof detail?.error_description === 'string' ? detail.error_description : `${what} failed (HTTP ${response.status}).`;
    if (response.status === 400 && typeof detail?.field === 'string') throw new InputError(detail.field, message);
    throw new PlaygroundError('HTTP_STATUS', message, { status: response.status });
  }
  if (!body.ok) throw new PlaygroundError('INVALID_RESPONSE', `${what}: the sandbox answered with something that is not JSON.`);
  return body.value;
}

/** `GET /sandbox/info`: the environment, endpoints, demo clients and users the *Local sandbox* preset fills from. */
export async function getSandboxInfo(opts: SandboxAdminOptions = {}): Promise<SandboxInfo> {
  const response = await call(opts, '/sandbox/info', { headers: { Accept: 'application/json' } });
  const parsed = sandboxInfoSchema().safeParse(await readJson(response, 'Reading /sandbox/info'));
  if (!parsed.success) {
    throw new PlaygroundError('INVALID_RESPONSE', '/sandbox/info did not look like the sandbox (is another server on that port?).');
  }
  return parsed.data;
}

/**
 * `POST /sandbox/clients`: registers a client, e.g. with the public JWKS of a key generated in the browser.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export async function registerSandboxClient(
  registration: SandboxClientRegistration,
  opts: SandboxAdminOptions = {},
): Promise<SandboxClient> {
  const response = await call(opts, '/sandbox/clients', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(registration),
  });
  const parsed = sandboxClientSchema().safeParse(await readJson(response, 'Registering the client'));
  if (!parsed.success) throw new PlaygroundError('INVALID_RESPONSE', 'The sandbox registered the client but its answer was not understood.');
  return parsed.data;
}

/** `POST /sandbox/faults`: the next `count` requests to `target` fail as described (500, 429 + Retry-After, drop…). */
export async function injectFault(fault: SandboxFault, opts: SandboxAdminOptions = {}): Promise<void> {
  const response = await call(opts, '/sandbox/faults', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!response.ok) await readJson(response, 'Injecting the fault');
  await response.body?.cancel().catch(() => undefined);
}

/** `DELETE /sandbox/faults`: back to normal behaviour. */
export async function clearFaults(opts: SandboxAdminOptions = {}): Promise<void> {
  const response = await call(opts, '/sandbox/faults', { method: 'DELETE' });
  if (!response.ok) await readJson(response, 'Clearing faults');
  await response.body?.cancel().catch(() => undefined);
}

/** A fault the sandbox reports as active (`GET /sandbox/faults`). */
export interface ActiveFault {
  id?: string;
  target: string;
  remaining: number;
  count?: number;
  status?: number;
  retryAfter?: number | string;
  delayMs?: number;
  drop?: boolean;
  body?: string;
}

function isActiveFault(value: unknown): value is ActiveFault {
  const v = value as ActiveFault | null;
  return typeof v === 'object' && v !== null && typeof v.target === 'string' && typeof v.remaining === 'number';
}

/** `GET /sandbox/faults`: the faults still armed, each with what it does and how many requests it has left. */
export async function listFaults(opts: SandboxAdminOptions = {}): Promise<ActiveFault[]> {
  const response = await call(opts, '/sandbox/faults', { headers: { Accept: 'application/json' } });
  const value = await readJson(response, 'Reading the active faults');
  if (!Array.isArray(value)) throw new PlaygroundError('INVALID_RESPONSE', 'The sandbox did not answer with a list of faults.');
  return value.filter(isActiveFault);
}

/** One "sent" message as the sandbox's dev mailbox lists it. */
interface OutboxEntry {
  otp: string;
  userId?: string;
  deviceId: string;
  at: string;
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  const v = value as Record<string, unknown> | null;
  return typeof v === 'object' && v !== null && typeof v.otp === 'string' && typeof v.deviceId === 'string' && typeof v.at === 'string';
}

/**
 * `GET /sandbox/outbox`: the OTP most recently "sent" to a device, or undefined. Only for the local sandbox demo —
 * a real PingOne sends it by SMS or email. The OTP is returned to fill a field, never logged.
 */
export async function readSandboxOtp(ids: { userId: string; deviceId: string }, opts: SandboxAdminOptions = {}): Promise<string | undefined> {
  const response = await call(opts, '/sandbox/outbox', { headers: { Accept: 'application/json' }, credentials: 'omit' });
  const value = await readJson(response, 'Reading the sandbox outbox');
  if (!Array.isArray(value)) throw new PlaygroundError('INVALID_RESPONSE', 'The sandbox outbox did not answer with a list of messages.');
  const mine = value.filter(isOutboxEntry).filter((e) => e.deviceId === ids.deviceId && (e.userId === undefined || e.userId === ids.userId));
  mine.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return mine[0]?.otp;
}
