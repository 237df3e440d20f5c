// In-memory state of the emulated PingOne environment: users, their ordered devices, and pairing keys.
import { randomInt, randomUUID } from 'node:crypto';

import { seedData } from './seed.js';

const PAIRING_KEY_TTL_MS = 48 * 60 * 60 * 1000;

/** @returns the store; every read returns the live records (handlers copy into representations). */
export function createStore() {
  let users = new Map();
  /** userId → devices in the user's order */
  let devices = new Map();
  let pairingKeys = new Map();

  function reset() {
    const seed = seedData();
    users = new Map(seed.users.map((u) => [u.id, u]));
    devices = new Map(seed.users.map((u) => [u.id, seed.devices.filter((d) => d.userId === u.id)]));
    pairingKeys = new Map();
  }
  reset();

  const now = () => new Date().toISOString();

  return {
    reset,
    listUsers: () => [...users.values()],
    getUser: (id) => users.get(id),
    setMfaEnabled(user, enabled) {
      user.mfaEnabled = enabled;
      user.updatedAt = now();
    },
    listDevices: (userId) => devices.get(userId) ?? [],
    getDevice: (userId, deviceId) => (devices.get(userId) ?? []).find((d) => d.id === deviceId),
    /** Adds a device at the end of the user's order. */
    addDevice(userId, fields) {
      const at = now();
      const created = { id: randomUUID(), userId, createdAt: at, updatedAt: at, ...fields };
      devices.get(userId).push(created);
      return created;
    },
    updateDevice(device, changes) {
      Object.assign(device, changes, { updatedAt: now() });
      return device;
    },
    deleteDevice(userId, deviceId) {
      const list = devices.get(userId) ?? [];
      const index = list.findIndex((d) => d.id === deviceId);
      if (index >= 0) list.splice(index, 1);
      return index >= 0;
    },
    /** Puts the given devices first, in the given order; the rest keep their relative order after them. */
    reorderDevices(userId, ids) {
      const list = devices.get(userId) ?? [];
      const first = ids.map((id) => list.find((d) => d.id === id));
      const rest = list.filter((d) => !ids.includes(d.id));
      devices.set(userId, [...first, ...rest]);
      return devices.get(userId);
    },
    addPairingKey(userId, applications) {
      const created = new Date();
      const key = {
        id: randomUUID(),
        userId,
        // 12 digits, as PingOne pairing keys are typed or scanned by a person.
        token: Array.from({ length: 12 }, () => randomInt(0, 10)).join(''),
        status: 'ACTIVE',
        applications,
        createdAt: created.toISOString(),
        expiresAt: new Date(created.getTime() + PAIRING_KEY_TTL_MS).toISOString(),
      };
      pairingKeys.set(key.id, key);
      return key;
    },
    getPairingKey: (userId, keyId) => {
      const key = pairingKeys.get(keyId);
      return key && key.userId === userId ? key : undefined;
    },
    deletePairingKey: (keyId) => pairingKeys.delete(keyId),
  };
}
