// One token request from the runner's options, through the same core as the browser: describe → auth → send → process.
import { readFile } from 'node:fs/promises';
import { createDiscoveryService } from '../src/services/discoveryService';
import { isMtlsAuthMethod } from '../src/types/token';
import { generateDpopKey } from '../src/utils/dpopKey';
import { InputError } from '../src/utils/errors';
import { importPrivateKeyPem } from '../src/utils/keys';
import { buildClientCredentialsBody } from '../src/utils/oauth/body';
import { clientSecretBasic, clientSecretJwt, clientSecretPost, privateKeyJwt, tlsClientAuth, type ClientAuth } from '../src/utils/oauth/clientAuth';
import { describeClientCredentialsRequest } from '../src/utils/oauth/description';
import { createDpopNonceMemory } from '../src/utils/oauth/dpopNonce';
import { sendDpopTokenRequest } from '../src/utils/oauth/dpopRequest';
import { requestClientCredentialsToken, type ClientCredentialsToken } from '../src/utils/oauth/token';
import { tokenEndpointFor } from '../src/utils/relayRoute';
import { DEFAULT_SIGNING_ALG } from '../src/config/defaults';
import type { RunnerOptions } from './runnerOptions';

/** Where the runner reads its secret and files; injectable so tests need no real environment. */
export interface RunnerInputs {
  env: Record<string, string | undefined>;
  readText: (file: string) => Promise<string>;
}

export const SECRET_ENV = 'OAUTH_CLIENT_SECRET';

export const nodeInputs: RunnerInputs = { env: process.env, readText: (file) => readFile(file, 'utf8') };

/** Reads a file the user named; a missing or unreadable file is bad input (exit 2), naming the flag. */
async function readNamed(inputs: RunnerInputs, file: string, flag: string): Promise<string> {
  try {
    return await inputs.readText(file);
  } catch (cause) {
    throw new InputError(flag, `Cannot read ${flag} ${file}: ${(cause as { code?: string }).code ?? 'unreadable'}.`, cause);
  }
}

/** The client secret: `--client-secret-file` (trailing newline dropped) or OAUTH_CLIENT_SECRET. */
async function clientSecret(options: RunnerOptions, inputs: RunnerInputs): Promise<string> {
  if (options.clientSecretFile) return (await readNamed(inputs, options.clientSecretFile, '--client-secret-file')).replace(/\r?\n$/, '');
  const secret = inputs.env[SECRET_ENV];
  if (!secret) throw new InputError('clientSecret', `${options.authMethod} needs the client secret: set ${SECRET_ENV} or use --client-secret-file FILE.`);
  return secret;
}

async function clientAuthFor(options: RunnerOptions, inputs: RunnerInputs): Promise<ClientAuth> {
  // The core's JWT methods take the three audience modes and the typ option as they are (default token_endpoint, auto).
  const jwt = { audience: options.assertionAudience, typ: options.assertionTyp };
  switch (options.authMethod) {
    case 'client_secret_basic':
      return clientSecretBasic(await clientSecret(options, inputs));
    case 'client_secret_post':
      return clientSecretPost(await clientSecret(options, inputs));
    case 'client_secret_jwt':
      return clientSecretJwt(await clientSecret(options, inputs), jwt);
    case 'private_key_jwt': {
      const pem = await readNamed(inputs, options.privateKeyFile ?? '', '--private-key');
      const key = await importPrivateKeyPem(pem, options.alg ?? DEFAULT_SIGNING_ALG);
      if (options.alg && key.alg !== options.alg) throw new InputError('signingAlg', `--alg ${options.alg} does not fit this key; it signs ${key.alg}.`);
      return privateKeyJwt(key.privateKey, { ...jwt, alg: key.alg, kid: options.kid ?? key.kid });
    }
    default:
      return tlsClientAuth();
  }
}

/** The token endpoint and issuer: given, or from discovery (the mTLS alias for an mTLS method, RFC 8705 §5). */
async function endpointsOf(options: RunnerOptions): Promise<{ tokenEndpoint: string; issuer?: string | undefined }> {
  if (options.tokenEndpoint) return { tokenEndpoint: options.tokenEndpoint, issuer: undefined };
  const { metadata } = await createDiscoveryService().discover(options.issuer ?? '');
  return {
    tokenEndpoint: tokenEndpointFor(options.authMethod, metadata.token_endpoint, metadata.mtls_endpoint_aliases?.token_endpoint),
    issuer: metadata.issuer ?? options.issuer,
  };
}

/**
 * Gets one token as the browser does: every attempt described anew (fresh assertion), the core's retry policy,
 * DPoP with its one nonce retry. Fetch, clock and logger come from `effects()` (the caller provides them).
 * @throws InputError, or what {@link requestClientCredentialsToken} throws
 */
export async function runToken(options: RunnerOptions, inputs: RunnerInputs = nodeInputs): Promise<ClientCredentialsToken> {
  if (isMtlsAuthMethod(options.authMethod) && !options.certFile) throw new InputError('mtlsCertRef', `${options.authMethod} needs --cert and --key.`);
  const auth = await clientAuthFor(options, inputs);
  const params = buildClientCredentialsBody({ scope: options.scope, audience: options.audience, resource: options.resource });
  const { tokenEndpoint, issuer } = await endpointsOf(options);
  const describe = () => describeClientCredentialsRequest({ tokenEndpoint, issuer, clientId: options.clientId, auth, params });
  if (!options.dpop) return requestClientCredentialsToken({ describe });
  const key = await generateDpopKey();
  const nonces = createDpopNonceMemory();
  return requestClientCredentialsToken({ describe, send: (description, sendOptions) => sendDpopTokenRequest(description, { ...sendOptions, key, nonces }) });
}
