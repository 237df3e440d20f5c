// PingOne Platform API shapes the playground reads (https://apidocs.pingidentity.com/pingone/mfa/v1/api/), and the per-call exchange record.

/** A HAL-style link: PingOne puts absolute hrefs under `_links`. */
export interface PingOneLink {
  href: string;
}

/** Fields every PingOne resource carries. */
export interface PingOneResource {
  _links?: Record<string, PingOneLink | undefined>;
  id: string;
  environment?: { id: string };
  createdAt?: string;
  updatedAt?: string;
}

export interface PingOneUser extends PingOneResource {
  username: string;
  email?: string;
  name?: { given?: string; family?: string; formatted?: string };
  enabled?: boolean;
  mfaEnabled?: boolean;
}

export type PingOneDeviceType = 'SMS' | 'EMAIL' | 'TOTP';
export type PingOneDeviceStatus = 'ACTIVE' | 'ACTIVATION_REQUIRED';

export interface PingOneDevice extends PingOneResource {
  user?: { id: string };
  /** PingOne knows more types (MOBILE, FIDO2, VOICE…); the playground creates the three above. */
  type: PingOneDeviceType | (string & {});
  status: PingOneDeviceStatus | (string & {});
  nickname?: string;
  phone?: string;
  email?: string;
  lock?: { status: string };
  block?: { status: string };
  /** TOTP only, and only in the create response: the shared secret (base32) … */
  secret?: string;
  /** … and the `otpauth://totp/…` URI for an authenticator app's QR code. */
  keyUri?: string;
}

/** What `createDevice` sends. `status` defaults to ACTIVE when an admin (worker) creates a device. */
export interface CreateDeviceInput {
  type: PingOneDeviceType;
  phone?: string;
  email?: string;
  nickname?: string;
  status?: PingOneDeviceStatus;
}

export interface PingOnePairingKey extends PingOneResource {
  user?: { id: string };
  /** The pairing key itself: a secret the user types or scans; never logged. */
  token?: string;
  status?: string;
  applications?: Array<{ id: string }>;
  expiresAt?: string;
}

/** One entry of a PingOne error's `details` (the UI shows `message` next to the field named by `target`). */
export interface PingOneErrorDetail {
  code?: string;
  target?: string;
  message?: string;
  innerError?: Record<string, unknown>;
}

/** The PingOne error body: `{ id, code, message, details[] }`. */
export interface PingOneErrorBody {
  id?: string;
  code?: string;
  message?: string;
  details?: PingOneErrorDetail[];
}

/** One Platform call as step 4 shows it; defined with the transport all resource APIs share. */
export type { ApiExchange } from '../apiExchange';

export interface PlatformRequestOptions {
  body?: unknown;
  /** Defaults to `application/json` when there is a body; PingOne selects some actions by media type. */
  contentType?: string;
  signal?: AbortSignal;
}

/** The single door to the Platform API: every call, typed or not, goes through `request`. */
export type PlatformRequest = <T = unknown>(method: string, path: string, opts?: PlatformRequestOptions) => Promise<T>;
