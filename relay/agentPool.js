// Kept-alive upstream connections, one pool per TLS identity (client certificate + key + trusted CAs): a forward
// reuses only a connection opened with exactly its own identity, so no connection, and no TLS session, ever carries
// another forward's client certificate or is verified against another forward's CAs.
import { createHash } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

import { AGENT_IDLE_MS, MAX_TLS_IDENTITIES } from './constants.js';

const digest = (parts) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

/**
 * The pool key of a TLS identity: `<client certificate + key>.<trusted CAs>`, as digests (the PEMs themselves are not
 * kept twice). The first half alone names every identity of one credential, which `retire` closes together.
 * @param {null | { cert?: string, key?: string, ca?: string | string[] }} tls
 */
function identityOf(tls) {
  return `${digest([tls?.cert ?? null, tls?.key ?? null])}.${digest([tls?.ca ?? []].flat())}`;
}

/** Ends an agent's idle connections; connections still answering a forward finish, then time out unused. */
function closeIdle(agent) {
  for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets) socket.destroy();
}

/**
 * @param {{ idleMs?: number, maxIdentities?: number }} [options] how long an unused connection stays open, and how
 *   many TLS identities keep a pool (the least recently used one is closed past that)
 */
export function createAgentPool({ idleMs = AGENT_IDLE_MS, maxIdentities = MAX_TLS_IDENTITIES } = {}) {
  const options = { keepAlive: true, timeout: idleMs };
  const http = new HttpAgent(options);
  const https = new Map(); // identity → agent, least recently used first

  return {
    /**
     * The agent for a forward to `url` with client TLS options `tls` (null: server verification with the default CAs).
     * @param {URL} url @param {null | { cert?: string, key?: string, ca?: string | string[] }} tls
     */
    agentFor(url, tls) {
      if (url.protocol === 'http:') return http;
      const identity = identityOf(tls);
      const agent = https.get(identity) ?? new HttpsAgent(options);
      https.delete(identity);
      https.set(identity, agent);
      for (const [oldest, old] of https) {
        if (https.size <= maxIdentities) break;
        https.delete(oldest);
        closeIdle(old);
      }
      return agent;
    },
    /** Closes the idle connections of every identity with this client certificate and key (a forgotten upload). */
    retire(tls) {
      const credential = identityOf(tls).split('.')[0];
      for (const [identity, agent] of https) {
        if (!identity.startsWith(`${credential}.`)) continue;
        https.delete(identity);
        closeIdle(agent);
      }
    },
    /** Ends every connection (the relay is closing). */
    close() {
      http.destroy();
      for (const agent of https.values()) agent.destroy();
      https.clear();
    },
  };
}
