// The sandbox's dev mailbox: one-time passcodes "sent" to SMS and EMAIL devices, readable via GET /sandbox/outbox.
import { randomUUID } from 'node:crypto';

// Bounded so a long-running demo cannot grow memory without limit; the newest messages are what anyone reads.
const MAX_ENTRIES = 200;

/**
 * @typedef {object} OutboxEntry
 * @property {string} id
 * @property {string} to  phone number or email address
 * @property {'SMS' | 'EMAIL'} channel
 * @property {string} otp
 * @property {string} userId
 * @property {string} deviceId
 * @property {string} at  ISO 8601 time it was "sent"
 */

/** @returns {{ push(entry: Partial<OutboxEntry>): OutboxEntry, list(): OutboxEntry[], clear(): void }} */
export function createOutbox() {
  /** @type {OutboxEntry[]} */
  let entries = [];
  return {
    push(entry) {
      const stored = { id: randomUUID(), at: new Date().toISOString(), ...entry };
      entries.push(stored);
      if (entries.length > MAX_ENTRIES) entries = entries.slice(-MAX_ENTRIES);
      return stored;
    },
    list: () => entries.map((e) => ({ ...e })),
    clear() {
      entries = [];
    },
  };
}
