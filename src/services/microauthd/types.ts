// microauthd AUTH-server API shapes (users as its AUTH server returns them, `{success, message}` replies) and the client's options.
import type { RelayRoute } from '../../utils/relay';
import type { ApiExchange, ResourceDpop } from '../apiExchange';

/** One call as step 4 shows it; the same record as the PingOne console so one view renders both. */
export type { ApiExchange };

/** microauthd's UserObject. Never carries password material. */
export interface MicroauthdUser {
  id: string;
  username: string;
  email: string;
  created_at: string;
  lockout_until: string | null;
  is_active: boolean;
  email_verified: boolean;
  totp_enabled: boolean;
}

/** microauthd's `{ success, message }` answer (reset, deactivate, and every error). */
export interface MicroauthdMessage {
  success: boolean;
  message: string;
}

export interface ProvisionUserInput {
  username: string;
  email: string;
  password: string;
}

/** The access token the client uses, and its granted scopes when the caller knows them. */
export interface MicroauthdToken {
  accessToken: string;
  /** Space-delimited granted scopes; when absent, the client reads the token's `scope` claim for diagnostics. */
  scope?: string;
  /** A DPoP-bound token (RFC 9449): sent with the DPoP scheme and a fresh proof per call. */
  dpop?: ResourceDpop | undefined;
}

export interface MicroauthdClientOptions {
  /** The AUTH server base URL, e.g. `http://127.0.0.1:9040` or the sandbox's `http://localhost:4500/microauthd`. */
  baseUrl: string;
  /** Supplies the bearer token (e.g. from the TokenCache); called once per API call. */
  getToken: () => Promise<MicroauthdToken>;
  /** Receives every exchange (success or failure) with secrets masked. */
  onExchange?: (exchange: ApiExchange) => void;
  /** Per-request timeout; default `DEFAULT_TIMEOUT_MS` (config/defaults). Fetch, clock and logger: `effects()`. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Send through the local relay (servers that refuse browser CORS). */
  relay?: RelayRoute | undefined;
}

export interface MicroauthdClient {
  /** `GET /users` — needs `admin::list_users`. */
  listUsers(): Promise<MicroauthdUser[]>;
  /** `GET /user/{id}` — needs `admin::read_user`. */
  getUser(id: string): Promise<MicroauthdUser>;
  /** `POST /user` — needs `admin::provision_users`. */
  provisionUser(input: ProvisionUserInput): Promise<MicroauthdUser>;
  /** `POST /user/{id}/reset` — needs `admin::reset_passwords`. */
  resetPassword(id: string, newPassword: string): Promise<MicroauthdMessage>;
  /** `POST /user/{id}/deactivate` — needs `admin::deactivate_users`. */
  deactivateUser(id: string): Promise<MicroauthdMessage>;
}
