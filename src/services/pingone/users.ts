// User-level PingOne operations: users, the mfaEnabled flag and pairing keys, through the one request door.
import { InputError, PlaygroundError } from '../../utils/errors';
import type { PingOnePairingKey, PingOneUser, PlatformRequest } from './types';
import { validateResourceId } from './validation';

export interface PingOneUserMethods {
  /** `GET /users` → the users of the environment. */
  listUsers(): Promise<PingOneUser[]>;
  getUser(userId: string): Promise<PingOneUser>;
  /** `GET /users/{userId}/mfaEnabled`. */
  getMfaEnabled(userId: string): Promise<boolean>;
  /** `PUT /users/{userId}/mfaEnabled` with `{ mfaEnabled }`; resolves to the stored value. */
  setMfaEnabled(userId: string, enabled: boolean): Promise<boolean>;
  /** `POST /users/{userId}/pairingKeys` with `{ applications: [{ id }] }` when application IDs are given. */
  createPairingKey(userId: string, applicationIds?: readonly string[]): Promise<PingOnePairingKey>;
  getPairingKey(userId: string, pairingKeyId: string): Promise<PingOnePairingKey>;
  deletePairingKey(userId: string, pairingKeyId: string): Promise<void>;
}

function asResource<T extends { id: string }>(value: unknown, what: string): T {
  if (!value || typeof value !== 'object' || typeof (value as { id?: unknown }).id !== 'string') {
    throw new PlaygroundError('INVALID_RESPONSE', `PingOne returned something that is not a ${what}.`);
  }
  return value as T;
}

function asMfaEnabled(value: unknown): boolean {
  const flag = (value as { mfaEnabled?: unknown } | undefined)?.mfaEnabled;
  if (typeof flag !== 'boolean') throw new PlaygroundError('INVALID_RESPONSE', 'PingOne did not return mfaEnabled.');
  return flag;
}

const userPath = (userId: string) => `/users/${encodeURIComponent(validateResourceId(userId, 'userId'))}`;
const keyPath = (userId: string, keyId: string) =>
  `${userPath(userId)}/pairingKeys/${encodeURIComponent(validateResourceId(keyId, 'pairingKeyId'))}`;

/** Binds the user-level operations to a request function. Input is validated before anything is sent. */
export function createUserMethods(request: PlatformRequest): PingOneUserMethods {
  return {
    async listUsers() {
      const users = ((await request('GET', '/users')) as { _embedded?: { users?: unknown } } | undefined)?._embedded?.users;
      if (users === undefined) return [];
      if (!Array.isArray(users)) throw new PlaygroundError('INVALID_RESPONSE', 'PingOne returned a malformed user list.');
      return users.map((u) => asResource<PingOneUser>(u, 'user'));
    },
    async getUser(userId) {
      return asResource<PingOneUser>(await request('GET', userPath(userId)), 'user');
    },
    async getMfaEnabled(userId) {
      return asMfaEnabled(await request('GET', `${userPath(userId)}/mfaEnabled`));
    },
    async setMfaEnabled(userId, enabled) {
      const path = `${userPath(userId)}/mfaEnabled`;
      if (typeof enabled !== 'boolean') throw new InputError('mfaEnabled', 'mfaEnabled must be true or false.');
      return asMfaEnabled(await request('PUT', path, { body: { mfaEnabled: enabled } }));
    },
    async createPairingKey(userId, applicationIds) {
      const path = `${userPath(userId)}/pairingKeys`;
      const body =
        applicationIds && applicationIds.length > 0
          ? { applications: applicationIds.map((id) => ({ id: validateResourceId(id, 'applications') })) }
          : {};
      return asResource<PingOnePairingKey>(await request('POST', path, { body }), 'pairing key');
    },
    async getPairingKey(userId, pairingKeyId) {
      return asResource<PingOnePairingKey>(await request('GET', keyPath(userId, pairingKeyId)), 'pairing key');
    },
    async deletePairingKey(userId, pairingKeyId) {
      await request('DELETE', keyPath(userId, pairingKeyId));
    },
  };
}
