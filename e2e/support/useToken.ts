// Shared driving code for the step 4 (Use the token) E2E specs: a token in the UI, authz mode, outbox, server checks.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import { configureSandbox, FLOW_PATH, getToken, goToStep } from './flow';
import { SANDBOX_URL, sandboxInfo } from './sandbox';

/**
 * Gets a token with a demo client through steps 1 and 3, as a person would, then opens step 4.
 * `Local sandbox` reuses flow.ts; `microauthd` picks that preset, whose base URL the sandbox fills in.
 */
export async function getSandboxToken(page: Page, clientId: string, provider: 'Local sandbox' | 'microauthd' = 'Local sandbox'): Promise<void> {
  if (provider === 'Local sandbox') {
    await configureSandbox(page, { client: clientId });
  } else {
    await page.goto(FLOW_PATH);
    await page.getByLabel('Provider').selectOption({ label: 'microauthd' });
    await expect(page.getByLabel('microauthd base URL')).toHaveValue(`${SANDBOX_URL}/microauthd`);
    await page.getByLabel('Demo client').selectOption(clientId);
    await expect(page.getByLabel('Client ID')).toHaveValue(clientId);
  }
  await getToken(page);
  await goToStep(page, 4);
}

/** Switches the emulated PingOne API between per-endpoint p1:* scopes and PingOne's real role model. */
export async function setAuthzMode(request: APIRequestContext, mode: 'scopes' | 'roles'): Promise<void> {
  const response = await request.post(`${SANDBOX_URL}/sandbox/authz`, { data: { mode } });
  if (!response.ok()) throw new Error(`sandbox authz: HTTP ${response.status()} ${await response.text()}`);
}

/** One OTP the sandbox "sent" to an SMS or EMAIL device. */
export interface OutboxMessage {
  to: string;
  channel: string;
  otp: string;
  userId: string;
  deviceId: string;
  at: string;
}

/** The sandbox's dev mailbox (`GET /sandbox/outbox`). */
export async function readOutbox(request: APIRequestContext): Promise<OutboxMessage[]> {
  const response = await request.get(`${SANDBOX_URL}/sandbox/outbox`);
  if (!response.ok()) throw new Error(`sandbox outbox: HTTP ${response.status()}`);
  return (await response.json()) as OutboxMessage[];
}

/**
 * A bearer-authenticated GET on a seeded PingOne user's sub-resource, with a fresh token for a secret demo client:
 * how a spec checks what the sandbox stored, independently of the UI.
 */
export async function pingOneGet(request: APIRequestContext, clientId: string, userPath: string): Promise<unknown> {
  const info = await sandboxInfo(request);
  const client = info.clients.find((c) => c.client_id === clientId);
  if (!client?.client_secret) throw new Error(`no secret demo client ${clientId}`);
  const basic = Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64');
  const tokenResponse = await request.post(info.tokenEndpoint, {
    form: { grant_type: 'client_credentials', scope: client.scope },
    headers: { Authorization: `Basic ${basic}` },
  });
  if (!tokenResponse.ok()) throw new Error(`token for ${clientId}: HTTP ${tokenResponse.status()}`);
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const response = await request.get(`${info.apiBase}/environments/${info.environmentId}/users/${userPath}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok()) throw new Error(`GET users/${userPath}: HTTP ${response.status()}`);
  return response.json();
}

/**
 * Where an all-digit secret (an OTP) appears on its own in the evidence. Digit boundaries matter: "123456" inside a
 * millisecond timestamp is not a leak, and leaks.ts's findLeaks refuses needles this short for that reason.
 */
export function findDigitLeaks(name: string, digits: string, haystacks: Record<string, string>): string[] {
  if (!/^\d{6,8}$/.test(digits)) throw new Error(`${name} is not a 6–8 digit code`);
  const alone = new RegExp(`(?<!\\d)${digits}(?!\\d)`);
  return Object.entries(haystacks)
    .filter(([, text]) => alone.test(text))
    .map(([place]) => `${name} in ${place}`);
}
