// The microauthd AUTH-server client: the five scope-gated user calls with validation, exchanges and 403 diagnosis.
import { InputError, PlaygroundError } from '../../utils/errors';
import { effects } from '../../utils/effects';
import { diagnoseNetworkFailure } from '../../utils/reachability';
import { validateEndpointUrl } from '../../utils/urlValidation';
import { callMicroauthd, DEFAULT_MICROAUTHD_TIMEOUT_MS, type CallDeps } from './transport';
import type {
  MicroauthdClient,
  MicroauthdClientOptions,
  MicroauthdMessage,
  MicroauthdToken,
  MicroauthdUser,
  ProvisionUserInput,
} from './types';
import { validatePassword, validateProvisionUser, validateUserId } from './validation';

function isUser(value: unknown): value is MicroauthdUser {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.username === 'string';
}

function asUser(value: unknown): MicroauthdUser {
  if (!isUser(value)) throw new PlaygroundError('INVALID_RESPONSE', 'microauthd did not answer with a user object.');
  return value;
}

function asMessage(value: unknown): MicroauthdMessage {
  const v = (value ?? {}) as Record<string, unknown>;
  if (typeof v.success !== 'boolean') {
    throw new PlaygroundError('INVALID_RESPONSE', 'microauthd did not answer with {success, message}.');
  }
  return { success: v.success, message: typeof v.message === 'string' ? v.message : '' };
}

/**
 * Creates a client for microauthd's AUTH-server user endpoints. Each call validates its input first (InputError
 * naming the field), gets a token from `getToken`, reports the exchange (Authorization and passwords masked) and
 * throws {@link MicroauthdForbiddenError} on 403 naming the scope the call needs.
 * @throws InputError `baseUrl` when the base URL is not an absolute http(s) URL (http only for loopback)
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export function createMicroauthdClient(options: MicroauthdClientOptions): MicroauthdClient {
  const base = validateEndpointUrl(options.baseUrl, 'baseUrl');
  const baseHref = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  // Fetch, clock and logger are looked up per call (effects), so tests and the app provide them once.
  const deps = (): CallDeps => ({
    logger: effects().logger.child('microauthd', '🧩'),
    timeoutMs: options.timeoutMs ?? DEFAULT_MICROAUTHD_TIMEOUT_MS,
    signal: options.signal,
    onExchange: options.onExchange,
    relay: options.relay,
  });

  async function token(): Promise<MicroauthdToken> {
    const t = await options.getToken();
    if (!t || typeof t.accessToken !== 'string' || t.accessToken === '') {
      throw new InputError('accessToken', 'Get a microauthd access token first.');
    }
    return t;
  }

  async function call(method: 'GET' | 'POST', path: string, body?: Record<string, unknown>): Promise<unknown> {
    const url = `${baseHref}${path}`;
    try {
      return await callMicroauthd({ method, path, url, token: await token(), body }, deps());
    } catch (error) {
      // Blocked by CORS, or nothing there? Through the relay there is no CORS to ask about.
      throw options.relay ? error : await diagnoseNetworkFailure(error, url, 'microauthd');
    }
  }

  const userPath = (id: string) => `/user/${encodeURIComponent(id)}`;

  return {
    async listUsers() {
      const value = await call('GET', '/users');
      if (!Array.isArray(value) || !value.every(isUser)) {
        throw new PlaygroundError('INVALID_RESPONSE', 'microauthd did not answer GET /users with a list of users.');
      }
      return value;
    },
    async getUser(id) {
      return asUser(await call('GET', userPath(validateUserId(id))));
    },
    async provisionUser(input: ProvisionUserInput) {
      const body = validateProvisionUser(input);
      return asUser(await call('POST', '/user', { ...body }));
    },
    async resetPassword(id, newPassword) {
      const userId = validateUserId(id);
      const password = validatePassword(newPassword, 'new_password');
      return asMessage(await call('POST', `${userPath(userId)}/reset`, { new_password: password }));
    },
    async deactivateUser(id) {
      return asMessage(await call('POST', `${userPath(validateUserId(id))}/deactivate`));
    },
  };
}
