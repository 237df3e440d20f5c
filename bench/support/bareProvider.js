// The throughput reference for bench/sandboxTokens.bench.ts: a bare oidc-provider 8.8.1 on express 5 with one client
// configured exactly like the sandbox's `sandbox-basic` (client_secret_basic, client_credentials, the p1:* scopes,
// the PingOne API resource as an RS256 JWT access token with env/org claims), and nothing else: no adapter, no
// middlewares, no wrapped grant. Run it in its own process: `PORT=0 node bench/support/bareProvider.js`; it prints
// `listening <token endpoint url>` once ready.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

import express from 'express';
import Provider from 'oidc-provider';

// The values below are copied from sandbox/constants.js and sandbox/clients.js on purpose: the reference must not
// change when the sandbox does (bench/sandboxTokens.bench.ts asks both for the same token and compares the claims).
const ENV_ID = '6a1c2e4d-8b3f-4c5a-9e7d-1f2b3c4d5e6f';
const ORG_ID = '0f3e9a57-2c41-4d8e-b6a0-7c5d1e2f3a4b';
const RESOURCE = 'https://api.pingone.com';
const P1_SCOPES = ['p1:read:user', 'p1:update:user', 'p1:create:device', 'p1:read:device', 'p1:update:device',
  'p1:delete:device', 'p1:create:pairingKey', 'p1:read:pairingKey', 'p1:update:userMfaEnabled'];
const TOKEN_TTL_SECONDS = 3600;

function signingJwk() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: `bare-${randomBytes(6).toString('hex')}`, alg: 'RS256', use: 'sig' };
}

/** @param {string} issuer */
function createBareProvider(issuer) {
  return new Provider(issuer, {
    clients: [{
      client_id: 'sandbox-basic',
      client_secret: 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    }],
    jwks: { keys: [signingJwk()] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes: { token: '/token', jwks: '/jwks' },
    scopes: ['openid', ...P1_SCOPES],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: P1_SCOPES.join(' '),
          audience: RESOURCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: TOKEN_TTL_SECONDS,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: async () => ({ env: ENV_ID, org: ORG_ID }),
    ttl: { ClientCredentials: () => TOKEN_TTL_SECONDS },
  });
}

const server = createServer();
await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
const issuer = `http://localhost:${server.address().port}/${ENV_ID}/as`;
const app = express();
app.use(`/${ENV_ID}/as`, createBareProvider(issuer).callback());
server.on('request', app);
console.log(`listening ${issuer}/token`);
