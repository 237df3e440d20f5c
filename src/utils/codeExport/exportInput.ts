// What a code export is made from: the one request description plus the auth method's own inputs.
import type { AssertionAudience, AssertionTyp } from '../../config/assertionModes';
import type { AuthMethod, SigningAlg } from '../../types/token';
import type { RequestDescription } from '../oauth/description';

/** The languages the playground exports to, in the order the `Export as` select lists them. */
export const EXPORT_LANGUAGES = ['curl', 'fetch', 'node', 'python', 'go', 'java', 'csharp', 'powershell'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** The option labels of the `Export as` select. */
export const EXPORT_LANGUAGE_LABELS: Readonly<Record<ExportLanguage, string>> = {
  curl: 'cURL',
  fetch: 'fetch',
  node: 'Node',
  python: 'Python',
  go: 'Go',
  java: 'Java',
  csharp: 'C#',
  powershell: 'PowerShell',
};

/** The file a person saves the export as (the run line in each program's header names it too). */
export const EXPORT_FILE_NAMES: Readonly<Record<ExportLanguage, string>> = {
  curl: 'token.sh',
  fetch: 'token.js',
  node: 'token.mjs',
  // Not token.py: the script's folder comes first on sys.path, and a token.py there hides the standard library's token module.
  python: 'get_token.py',
  go: 'main.go',
  java: 'Token.java',
  csharp: 'Program.cs',
  powershell: 'token.ps1',
};

/** For the JWT methods: how the program signs its own assertion (a fresh one, with a new jti, per request). */
export interface AssertionInputs {
  /** Which value `aud` carries (config/assertionModes ASSERTION_AUDIENCES, the flow form's one list). */
  audience: AssertionAudience;
  /** Whether the header carries `typ` (default `auto`); resolved once by programFactsOf with assertionTypHeader. */
  typ?: AssertionTyp | undefined;
  /** ≤ 60 s (config/defaults MAX_ASSERTION_LIFETIME_SECONDS). */
  lifetimeSeconds: number;
}

/** private_key_jwt: the key is read from a PKCS#8 PEM file at run time, never inlined. */
export interface PrivateKeyInputs {
  /** Path of the PKCS#8 PEM file, as the person will have it next to the program. */
  file: string;
  alg: SigningAlg;
  kid?: string | undefined;
}

/** RFC 8705 mutual TLS: the certificate, its key and the server's CA as files (never PEM contents). */
export interface CertificateFiles {
  certFile: string;
  keyFile: string;
  caFile?: string | undefined;
}

/** Everything an export needs. Secrets are never read from here: the description's credentials are left out. */
export interface CodeExportInput {
  description: RequestDescription;
  authMethod: AuthMethod;
  /** Needed when the assertion audience is `issuer`. */
  issuer?: string | undefined;
  assertion?: AssertionInputs | undefined;
  privateKey?: PrivateKeyInputs | undefined;
  clientCertificate?: CertificateFiles | undefined;
  /** Bind the token with DPoP (RFC 9449): the program makes its own key and proofs. */
  dpop?: boolean | undefined;
  /** Refresh a cached token this long before it expires (default 90). */
  refreshBeforeSeconds?: number | undefined;
  /** cURL and fetch only: credentials in the clear instead of placeholders. */
  reveal?: boolean | undefined;
}
