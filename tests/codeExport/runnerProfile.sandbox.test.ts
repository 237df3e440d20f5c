// The runner's --profile against the real sandbox: a file exported by the playground fills the options, flags given
// win, and a wrong name or a hostile file is bad input (exit 2) that sends nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/token';
import { exportProfilesFile } from '../../src/features/clientCredentials/model/profileConfig';
import { DEFAULT_FLOW_FORM } from '../../src/features/clientCredentials/model/flowFormSchema';
import { DEMO_KEY_FILE, demoSecrets, startCodeExportSandbox, type Sandbox } from './sandboxClients';

let sandbox: Sandbox;
let secrets: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'runner-profile-'));
const certDir = mkdtempSync(join(tmpdir(), 'runner-profile-certs-'));
let profileFile: string;

beforeAll(async () => {
  sandbox = await startCodeExportSandbox(certDir);
  secrets = await demoSecrets(sandbox);
  // Written by the app's own export, from whole forms: the runner must cope with every field the app saves.
  const form = { ...DEFAULT_FLOW_FORM, provider: 'custom' as const, scopes: ['p1:read:user'] };
  profileFile = join(dir, 'profiles.json');
  writeFileSync(profileFile, exportProfilesFile([
    { name: 'Basic', config: { ...form, tokenEndpoint: sandbox.tokenEndpoint, clientId: 'sandbox-basic', authMethod: 'client_secret_basic' } },
    { name: 'Key', config: { ...form, issuerOrDiscoveryUrl: sandbox.issuer, clientId: 'sandbox-private-key-jwt', authMethod: 'private_key_jwt', signingAlg: 'RS256' } },
    // As the app saves a form after discovery: both the issuer and the token endpoint it found.
    {
      name: 'Discovered', config: {
        ...form, issuerOrDiscoveryUrl: sandbox.issuer, tokenEndpoint: sandbox.tokenEndpoint, clientId: 'sandbox-strict-audience',
        authMethod: 'private_key_jwt', signingAlg: 'RS256', assertionAudience: 'issuer',
      },
    },
  ]));
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(certDir, { recursive: true, force: true });
});

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { env, readText: (f) => readFile(f, 'utf8') });
  return { code, stdout, stderr };
}

const claimsOf = (stdout: string) => decodeJwt((JSON.parse(stdout) as { access_token: string }).access_token);

describe('npm run token -- --profile FILE --name NAME', () => {
  it('a secret profile gets its token; the secret still comes only from the environment', async () => {
    const out = await run(['--profile', profileFile, '--name', 'basic'], { OAUTH_CLIENT_SECRET: secrets['sandbox-basic']! });
    expect(out.code, out.stderr).toBe(0);
    expect(claimsOf(out.stdout)).toMatchObject({ client_id: 'sandbox-basic', scope: 'p1:read:user' });
  });

  it('a private_key_jwt profile (issuer → discovery) gets its token with the key file given as a flag', async () => {
    const out = await run(['--profile', profileFile, '--name', 'Key', '--private-key', DEMO_KEY_FILE]);
    expect(out.code, out.stderr).toBe(0);
    expect(claimsOf(out.stdout).client_id).toBe('sandbox-private-key-jwt');
  });

  it('a profile saved after discovery (issuer and token endpoint) knows its issuer: the issuer audience works', async () => {
    // sandbox-strict-audience takes only aud = the issuer (RFC 7523bis); without the issuer the runner cannot sign one.
    const out = await run(['--profile', profileFile, '--name', 'Discovered', '--private-key', DEMO_KEY_FILE]);
    expect(out.code, out.stderr).toBe(0);
    expect(claimsOf(out.stdout).client_id).toBe('sandbox-strict-audience');
  });

  it('flags given explicitly win over the profile', async () => {
    const out = await run(['--profile', profileFile, '--name', 'Basic', '--client-id', 'sandbox-post', '--auth-method', 'client_secret_post', '--scope', 'p1:read:device'], { OAUTH_CLIENT_SECRET: secrets['sandbox-post']! });
    expect(out.code, out.stderr).toBe(0);
    expect(claimsOf(out.stdout)).toMatchObject({ client_id: 'sandbox-post', scope: 'p1:read:device' });
  });

  it.each([
    ['a name the file does not hold', ['--name', 'Prod'], /no profile named "Prod"; the file holds "Basic", "Key", "Discovered"/],
    ['no name for a file of three', [], /holds 3 profiles .*choose one with --name/],
  ])('%s is bad input (exit 2)', async (_, extra, message) => {
    const out = await run(['--profile', profileFile, ...extra], { OAUTH_CLIENT_SECRET: 'x' });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it('a hostile file (a later version, a secret inside) is refused before anything is sent', async () => {
    const later = join(dir, 'later.json');
    writeFileSync(later, JSON.stringify({ format: 'oauth-m2m-playground/profiles', version: 2, profiles: [] }));
    expect((await run(['--profile', later])).stderr).toMatch(/version 2; this playground reads version 1/);
    const smuggled = join(dir, 'smuggled.json');
    writeFileSync(smuggled, JSON.stringify({ format: 'oauth-m2m-playground/profiles', version: 1, profiles: [{ name: 'X', config: { clientId: 'sandbox-basic' }, clientSecret: 'leak-me' }] }));
    const out = await run(['--profile', smuggled, '--token-endpoint', sandbox.tokenEndpoint]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/unknown field “clientSecret”/);
    expect(out.stderr).not.toContain('leak-me');
  });

  it('--name without --profile is a usage error', async () => {
    expect((await run(['--name', 'Basic'])).code).toBe(2);
  });
});
