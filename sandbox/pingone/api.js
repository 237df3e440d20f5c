// CONTRACT STUB — replaced by the PingOne Platform API emulation. Keep the export name and options.
import { Router } from 'express';

/**
 * @param {{
 *   envId: string,
 *   apiBase: string,                      // e.g. http://localhost:4500/v1
 *   verifyAccessToken: (jwt: string) => Promise<Record<string, unknown>>, // throws when invalid/expired
 *   authz: () => 'scopes' | 'roles',      // read at request time
 *   clientRoles: (clientId: string) => string[], // role names assigned to a client (roles mode)
 *   outbox: { push(entry: object): void },
 * }} options
 * @returns {{ router: import('express').Router, reset(): void, users(): Array<{id: string, username: string}> }}
 */
export function createPingOneApi(options) {
  void options;
  return { router: Router(), reset() {}, users: () => [] };
}
