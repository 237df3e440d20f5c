// `--profile FILE --name NAME`: a profile the playground exported fills the runner's options (flags given win).
// The file is read with the core's parser (the same envelope, version and limits as the app's import); of each
// configuration the runner reads the fields it uses, each type-checked, and ignores the app's screen-only fields.
import { AUTH_METHODS, SIGNING_ALGS } from '../src/types/token';
import { ASSERTION_AUDIENCES, ASSERTION_TYPS } from '../src/config/assertionModes';
import { parseProfileFile } from '../src/utils/profiles/profileFile';
import { sameProfileName } from '../src/utils/profiles/profileName';
import * as z from '../src/utils/zod';
import { optionsFromFlags, readRunnerFlags, UsageError, type RunnerOptions } from './runnerOptions';

const upTo = (n: number) => z.string().check(z.maxLength(n));

/** The profile fields the runner uses; the file holds more (the app's whole form), which the runner leaves alone. */
const runnerConfigSchema = z.partial(z.looseObject({
  issuerOrDiscoveryUrl: upTo(8192),
  tokenEndpoint: upTo(8192),
  clientId: upTo(256),
  authMethod: z.enum(AUTH_METHODS),
  scopes: z.array(upTo(256)).check(z.maxLength(100)),
  audience: upTo(8192),
  resource: upTo(8192),
  kid: upTo(256),
  signingAlg: z.enum(SIGNING_ALGS),
  dpop: z.boolean(),
  assertionAudience: z.enum(ASSERTION_AUDIENCES),
  assertionTyp: z.enum(ASSERTION_TYPS),
}));

type RunnerConfig = z.infer<typeof runnerConfigSchema>;

const nonEmpty = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/**
 * The profile's values as runner options: its issuer when it has one (discovery gives the token endpoint, the mTLS
 * alias and the issuer an `issuer` assertion audience needs, as the app found them), else its token endpoint. A form
 * saved after discovery holds both; taking the endpoint then lost the issuer.
 */
export function optionsOfProfile(config: RunnerConfig): Partial<RunnerOptions> {
  const issuer = nonEmpty(config.issuerOrDiscoveryUrl);
  return {
    tokenEndpoint: issuer ? undefined : nonEmpty(config.tokenEndpoint),
    issuer,
    clientId: nonEmpty(config.clientId),
    authMethod: config.authMethod,
    scope: config.scopes && config.scopes.length > 0 ? config.scopes.join(' ') : undefined,
    audience: nonEmpty(config.audience),
    resource: nonEmpty(config.resource) ? [config.resource!.trim()] : undefined,
    kid: nonEmpty(config.kid),
    alg: config.signingAlg,
    assertionAudience: config.assertionAudience,
    assertionTyp: config.assertionTyp,
    dpop: config.dpop,
  };
}

/** The named profile of an exported file (the only one when no name is given). */
export function profileFromFile(text: string, name: string | undefined): RunnerConfig {
  const parsed = parseProfileFile(text, runnerConfigSchema);
  if (!parsed.ok) throw new UsageError(`--profile: ${parsed.error}`);
  const names = parsed.profiles.map((p) => JSON.stringify(p.name)).join(', ');
  if (name === undefined) {
    if (parsed.profiles.length === 1) return parsed.profiles[0]!.config;
    throw new UsageError(`--profile: the file holds ${parsed.profiles.length} profiles (${names}); choose one with --name.`);
  }
  const found = parsed.profiles.find((p) => sameProfileName(p.name, name));
  if (!found) throw new UsageError(`--profile: no profile named ${JSON.stringify(name)}; the file holds ${names || 'none'}.`);
  return found.config;
}

/**
 * The runner's options for a command line, reading the --profile file when one is named.
 * @throws UsageError for bad flags, an unreadable or invalid file, or a name the file does not hold
 */
export async function resolveRunnerOptions(argv: readonly string[], readText: (file: string) => Promise<string>): Promise<RunnerOptions> {
  const flags = readRunnerFlags(argv);
  if (flags.profile === undefined) return optionsFromFlags(flags);
  let text: string;
  try {
    text = await readText(flags.profile);
  } catch (cause) {
    throw new UsageError(`Cannot read --profile ${flags.profile}: ${(cause as { code?: string }).code ?? 'unreadable'}.`);
  }
  return optionsFromFlags(flags, optionsOfProfile(profileFromFile(text, flags.name)));
}
