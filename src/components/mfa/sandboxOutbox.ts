// Reads the newest one-time passcode for a device from the local sandbox's dev mailbox (GET /sandbox/outbox).
import { PlaygroundError } from '../../utils/errors';
import { parseJsonSafely, readTextCapped } from '../../utils/secureJson';
import { validateEndpointUrl } from '../../utils/urlValidation';

/** One "sent" message as the sandbox lists it. */
export interface OutboxEntry {
  id: string;
  to: string;
  channel: string;
  otp: string;
  userId: string;
  deviceId: string;
  at: string;
}

function isEntry(value: unknown): value is OutboxEntry {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.otp === 'string' && typeof v.deviceId === 'string' && typeof v.at === 'string';
}

/**
 * The OTP most recently "sent" to `deviceId` (of `userId`), or undefined when the outbox has none. Only for the
 * local sandbox demo: a real PingOne sends it by SMS or email. The OTP is returned to fill a field, never logged.
 * @throws InputError (`sandboxUrl`) for a bad base URL; PlaygroundError NETWORK / HTTP_STATUS / INVALID_RESPONSE
 */
export async function readSandboxOtp(
  sandboxUrl: string,
  ids: { userId: string; deviceId: string },
  fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
): Promise<string | undefined> {
  const base = validateEndpointUrl(sandboxUrl, 'sandboxUrl');
  const url = `${base.origin}${base.pathname.replace(/\/+$/, '')}/sandbox/outbox`;
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
  } catch (cause) {
    throw new PlaygroundError('NETWORK', 'Could not reach the sandbox outbox. Is the sandbox running (npm run sandbox)?', { cause });
  }
  if (!response.ok) {
    throw new PlaygroundError('HTTP_STATUS', `The sandbox outbox answered HTTP ${response.status}.`, { status: response.status });
  }
  const read = await readTextCapped(response);
  const parsed = read.ok ? parseJsonSafely(read.text) : undefined;
  if (!parsed?.ok || !Array.isArray(parsed.value)) {
    throw new PlaygroundError('INVALID_RESPONSE', 'The sandbox outbox did not answer with a list of messages.');
  }
  const mine = parsed.value
    .filter(isEntry)
    .filter((e) => e.deviceId === ids.deviceId && (e.userId === undefined || e.userId === ids.userId));
  mine.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return mine[0]?.otp;
}
