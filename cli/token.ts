// `npm run -s token -- [options]`: one token from the playground's core, as one JSON object on stdout.
import { provideEffects } from '../src/utils/effects';
import { createLogger } from '../src/utils/logger';
import { EXIT, exitCodeFor, failureText } from './exitCodes';
import { createNodeFetch } from './nodeFetch';
import { USAGE, UsageError, type RunnerOptions } from './runnerOptions';
import { resolveRunnerOptions } from './runnerProfile';
import { nodeInputs, runToken, type RunnerInputs } from './runToken';

/** What the runner writes; tests pass their own. */
export interface RunnerIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The TLS material as PEM contents: a missing file is bad input, reported like any other. */
async function tlsMaterial(options: RunnerOptions, inputs: RunnerInputs) {
  const read = (file: string | undefined) => (file ? inputs.readText(file) : Promise.resolve(undefined));
  const [cert, key, ca] = await Promise.all([read(options.certFile), read(options.keyFile), read(options.caFile)]).catch((cause: { code?: string; path?: string }) => {
    throw new UsageError(`Cannot read ${cause.path ?? 'a certificate file'}: ${cause.code ?? 'unreadable'}.`);
  });
  return { cert, key, ca };
}

/**
 * Runs the runner and returns its exit code (0 token, 2 usage, 3 client auth refused, 4 OAuth error, 5 network).
 * stdout carries only the token response (or, with --raw, the access token); everything else goes to stderr,
 * through the redacting logger or the failure explainer — never a secret, key or assertion.
 */
export async function main(argv: readonly string[], io: RunnerIo, inputs: RunnerInputs = nodeInputs): Promise<number> {
  try {
    const options = await resolveRunnerOptions(argv, inputs.readText);
    // Retry notices only: a failure is told once, by failureText (the logger redacts either way).
    const logger = createLogger({ minLevel: 'warn', capacity: 50, sink: (entry, line) => entry.level === 'warn' && io.stderr(`${line}\n`) });
    const restore = provideEffects({ fetch: createNodeFetch(await tlsMaterial(options, inputs)), logger });
    try {
      const { response, record } = await runToken(options, inputs);
      // expires_at: epoch seconds, as the token's own exp claim counts.
      const { access_token, token_type, expires_in, scope, extra } = response;
      const out = { access_token, token_type, expires_in, scope, ...extra, expires_at: Math.floor(record.expAt / 1000) };
      io.stdout(options.raw ? `${response.access_token}\n` : `${JSON.stringify(out)}\n`);
      return EXIT.token;
    } finally {
      restore();
    }
  } catch (error) {
    if (error instanceof UsageError && error.message === USAGE) {
      io.stdout(`${USAGE}\n`); // --help: asked for, so not a failure
      return EXIT.token;
    }
    io.stderr(`${failureText(error)}\n`);
    if (error instanceof UsageError) io.stderr(`\n${USAGE}\n`);
    return exitCodeFor(error);
  }
}
