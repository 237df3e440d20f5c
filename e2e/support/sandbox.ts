// E2E access to the sandbox's admin API: how tests find clients, inject faults and reset state.
import type { APIRequestContext } from '@playwright/test';
import { THIS_WORKER } from './ports';

/** This worker's sandbox (E2E_SANDBOX_PORT, default 4500, for the first worker; see ports.ts). */
export const SANDBOX_URL = `http://localhost:${THIS_WORKER.sandboxPort}`;
/** This worker's sandbox mutual-TLS listener (RFC 8705), E2E_SANDBOX_MTLS_PORT (default 4543) for the first worker. */
export const SANDBOX_MTLS_ORIGIN = `https://localhost:${THIS_WORKER.sandboxMtlsPort}`;

export interface SandboxClient {
  client_id: string;
  client_secret?: string;
  token_endpoint_auth_method: string;
  scope: string;
  purpose: string;
  provider?: string;
  private_key_pem?: string;
  jwks?: { keys: Array<{ kid?: string; kty?: string }> };
}

export interface SandboxInfo {
  environmentId: string;
  issuer: string;
  tokenEndpoint: string;
  apiBase: string;
  microauthdBase: string;
  clients: SandboxClient[];
  users: Array<{ id: string; username: string }>;
  /** The mutual-TLS listener (RFC 8705), when the sandbox runs one. */
  mtls?: { apiBase: string; caRef: string };
}

export async function sandboxInfo(request: APIRequestContext): Promise<SandboxInfo> {
  const response = await request.get(`${SANDBOX_URL}/sandbox/info`);
  if (!response.ok()) throw new Error(`sandbox info: HTTP ${response.status()}`);
  return (await response.json()) as SandboxInfo;
}

export async function demoClient(request: APIRequestContext, clientId: string): Promise<SandboxClient> {
  const info = await sandboxInfo(request);
  const client = info.clients.find((c) => c.client_id === clientId);
  if (!client) throw new Error(`no demo client ${clientId} in /sandbox/info`);
  return client;
}

export async function resetSandbox(request: APIRequestContext): Promise<void> {
  const response = await request.post(`${SANDBOX_URL}/sandbox/reset`);
  if (!response.ok()) throw new Error(`sandbox reset: HTTP ${response.status()}`);
}

export async function injectFault(
  request: APIRequestContext,
  fault: { target: 'token' | 'api'; count: number; status?: number; retryAfter?: number | string; delayMs?: number; drop?: boolean; body?: string },
): Promise<void> {
  const response = await request.post(`${SANDBOX_URL}/sandbox/faults`, { data: fault });
  if (response.status() !== 201) throw new Error(`inject fault: HTTP ${response.status()} ${await response.text()}`);
}
