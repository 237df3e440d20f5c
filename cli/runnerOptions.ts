// The runner's options: one plain object, filled by the command-line flags over an exported profile (--profile).
import { parseArgs } from 'node:util';
import { AUTH_METHODS, SIGNING_ALGS, type AuthMethod, type SigningAlg } from '../src/types/token';
import { ASSERTION_AUDIENCES, ASSERTION_TYPS, type AssertionAudience, type AssertionTyp } from '../src/config/assertionModes';

/** Everything one token request needs, minus the secret (read from the environment or a file, never a flag). */
export interface RunnerOptions {
  issuer?: string | undefined;
  tokenEndpoint?: string | undefined;
  clientId: string;
  authMethod: AuthMethod;
  scope?: string | undefined;
  audience?: string | undefined;
  resource: string[];
  privateKeyFile?: string | undefined;
  kid?: string | undefined;
  alg?: SigningAlg | undefined;
  assertionAudience?: AssertionAudience | undefined;
  /** The client assertion's `typ` header (default auto: client-authentication+jwt with the issuer audience, else JWT). */
  assertionTyp?: AssertionTyp | undefined;
  certFile?: string | undefined;
  keyFile?: string | undefined;
  caFile?: string | undefined;
  clientSecretFile?: string | undefined;
  dpop: boolean;
  /** Print only the access token. */
  raw: boolean;
}

/** A mistake in how the runner was called: exit 2 with this message and the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: npm run -s token -- (--issuer URL | --token-endpoint URL) --client-id ID [options]

  --auth-method M          ${AUTH_METHODS.join(' | ')} (default client_secret_basic)
  --scope "a b"            scopes, space-separated
  --audience A             vendor audience parameter
  --resource URI           RFC 8707 resource indicator (repeatable)
  --private-key FILE       private_key_jwt: PKCS#8 PEM file
  --kid KID                private_key_jwt: key ID (default: the key's RFC 7638 thumbprint)
  --alg ALG                private_key_jwt: ${SIGNING_ALGS.join(' | ')} (default: the key's own)
  --assertion-audience A   ${ASSERTION_AUDIENCES.join(' | ')} (default token_endpoint)
  --assertion-typ T        ${ASSERTION_TYPS.join(' | ')} (default auto: client-authentication+jwt with aud = issuer,
                           JWT otherwise; send: client-authentication+jwt always; omit: no typ header)
  --cert FILE --key FILE   mTLS client certificate and key (PEM); --ca FILE trusts the server's CA
  --client-secret-file F   the client secret (else OAUTH_CLIENT_SECRET)
  --dpop                   bind the token to a fresh DPoP key (RFC 9449)
  --raw                    print only the access token
  --profile FILE --name N  start from profile N of a file the playground exported (flags given here win; a
                           profile that binds with DPoP keeps it, --dpop only turns it on); --name may be left out
                           when the file holds one profile
Exit codes: 0 token, 2 usage or bad input, 3 client authentication refused, 4 other OAuth error, 5 network or TLS.`;

const FLAGS = {
  issuer: { type: 'string' },
  'token-endpoint': { type: 'string' },
  'client-id': { type: 'string' },
  'auth-method': { type: 'string' },
  scope: { type: 'string' },
  audience: { type: 'string' },
  resource: { type: 'string', multiple: true },
  'private-key': { type: 'string' },
  kid: { type: 'string' },
  alg: { type: 'string' },
  'assertion-audience': { type: 'string' },
  'assertion-typ': { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  ca: { type: 'string' },
  'client-secret-file': { type: 'string' },
  dpop: { type: 'boolean' },
  raw: { type: 'boolean' },
  profile: { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** The flags as given (nothing defaulted yet), so a profile can fill exactly what was not given. */
export type RunnerFlags = ReturnType<typeof parseArgs<{ options: typeof FLAGS; args: string[] }>>['values'];

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
  return value as T;
}

/** Options that fit together: one of issuer / token endpoint, a client id, the inputs the method needs. */
export function checkRunnerOptions(options: RunnerOptions): RunnerOptions {
  if (!options.issuer === !options.tokenEndpoint) throw new UsageError('Give exactly one of --issuer (discovery) or --token-endpoint.');
  if (!options.clientId) throw new UsageError('--client-id is required.');
  if (options.authMethod === 'private_key_jwt' && !options.privateKeyFile) throw new UsageError('private_key_jwt needs --private-key FILE (PKCS#8 PEM).');
  if ((options.authMethod === 'tls_client_auth' || options.authMethod === 'self_signed_tls_client_auth') && !(options.certFile && options.keyFile)) {
    throw new UsageError(`${options.authMethod} needs --cert FILE and --key FILE.`);
  }
  if (Boolean(options.certFile) !== Boolean(options.keyFile)) throw new UsageError('--cert and --key go together.');
  return options;
}

/**
 * Reads the command line, refusing a secret given as a flag: it would sit in the shell history and the process list.
 * @throws UsageError (including `--help`, whose message is the usage)
 */
export function readRunnerFlags(argv: readonly string[]): RunnerFlags {
  if (argv.some((arg) => arg === '--client-secret' || arg.startsWith('--client-secret='))) {
    throw new UsageError('--client-secret is refused: a secret in a flag ends up in shell history and the process list. Set OAUTH_CLIENT_SECRET or use --client-secret-file FILE.');
  }
  let values: RunnerFlags;
  try {
    ({ values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) throw new UsageError(USAGE);
  if (values.name !== undefined && values.profile === undefined) throw new UsageError('--name picks a profile from --profile FILE; give the file too.');
  return values;
}

/**
 * The options from the flags over `base` (a profile's values): a flag given wins, and the token endpoint and issuer
 * are one choice — giving either flag drops both of the profile's.
 */
export function optionsFromFlags(values: RunnerFlags, base: Partial<RunnerOptions> = {}): RunnerOptions {
  const endpointGiven = values.issuer !== undefined || values['token-endpoint'] !== undefined;
  return checkRunnerOptions({
    issuer: endpointGiven ? values.issuer : base.issuer,
    tokenEndpoint: endpointGiven ? values['token-endpoint'] : base.tokenEndpoint,
    clientId: values['client-id']?.trim() ?? base.clientId ?? '',
    authMethod: oneOf('auth-method', values['auth-method'], AUTH_METHODS) ?? base.authMethod ?? 'client_secret_basic',
    scope: values.scope ?? base.scope,
    audience: values.audience ?? base.audience,
    resource: values.resource ?? base.resource ?? [],
    privateKeyFile: values['private-key'],
    kid: values.kid ?? base.kid,
    alg: oneOf('alg', values.alg, SIGNING_ALGS) ?? base.alg,
    assertionAudience: oneOf('assertion-audience', values['assertion-audience'], ASSERTION_AUDIENCES) ?? base.assertionAudience,
    assertionTyp: oneOf('assertion-typ', values['assertion-typ'], ASSERTION_TYPS) ?? base.assertionTyp,
    certFile: values.cert,
    keyFile: values.key,
    caFile: values.ca,
    clientSecretFile: values['client-secret-file'],
    dpop: values.dpop === true || base.dpop === true,
    raw: values.raw === true,
  });
}

/**
 * Parses a command line without --profile into {@link RunnerOptions}.
 * @throws UsageError (including `--help`, whose message is the usage)
 */
export function parseRunnerArgs(argv: readonly string[]): RunnerOptions {
  return optionsFromFlags(readRunnerFlags(argv));
}
