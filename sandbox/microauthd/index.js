// CONTRACT STUB — replaced by the microauthd AUTH API emulation. Keep the export name and options.
import { Router } from 'express';

/**
 * @param {{ baseUrl: string }} options  baseUrl e.g. http://localhost:4500/microauthd (the issuer)
 * @returns {Promise<{ router: import('express').Router, reset(): void,
 *   clients(): Array<{client_id: string, client_secret: string, token_endpoint_auth_method: string, scope: string, purpose: string, provider: 'microauthd'}>,
 *   users(): Array<{id: string, username: string}> }>}
 */
export async function createMicroauthd(options) {
  void options;
  return { router: Router(), reset() {}, clients: () => [], users: () => [] };
}
