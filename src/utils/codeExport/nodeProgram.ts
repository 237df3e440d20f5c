// A Node program (built-in fetch or node:https for mTLS, `jose` for JWTs and DPoP) that caches its token.
import type { CodeExportInput } from './exportInput';
import { indent, quoted } from './literals';
import { audienceComment, CLIENT_ASSERTION_TYPE, headerLines, programFactsOf, SECRET_ENV, thumbprintComment, typComment, type ProgramFacts } from './programFacts';

function imports(f: ProgramFacts): string[] {
  const fromJose = [...(f.jwt === 'private_key_jwt' ? ['importPKCS8'] : []), ...(f.dpop ? ['exportJWK', 'generateKeyPair'] : []), ...(f.jwt || f.dpop ? ['SignJWT'] : [])];
  return [
    ...(f.privateKey || f.certificate ? ["import { readFileSync } from 'node:fs';"] : []),
    ...(f.certificate ? ["import { request } from 'node:https';"] : []),
    ...(fromJose.length > 0 ? [`import { ${fromJose.join(', ')} } from 'jose';`] : []),
  ];
}

function constants(f: ProgramFacts): string[] {
  const lines = [
    `const TOKEN_ENDPOINT = ${quoted(f.url)};`,
    `const CLIENT_ID = ${quoted(f.clientId)};`,
    'const PARAMS = [',
    ...f.params.map(([name, value]) => `  [${quoted(name)}, ${quoted(value)}],`),
    '];',
    `const REFRESH_BEFORE_SECONDS = ${f.refreshBeforeSeconds};`,
  ];
  if (f.jwt) lines.push(`const ASSERTION_AUDIENCE = ${quoted(f.assertionAudience ?? f.url)}; // ${audienceComment(f)}`, `const ASSERTION_LIFETIME_SECONDS = ${f.lifetimeSeconds};`);
  if (f.privateKey) {
    lines.push(`const PRIVATE_KEY_FILE = ${quoted(f.privateKey.file)};`, `const SIGNING_ALG = ${quoted(f.privateKey.alg)};`);
    if (f.privateKey.kid) lines.push(`const KEY_ID = ${quoted(f.privateKey.kid)};`);
    for (const t of f.certificateThumbprints) lines.push(`const CERT_THUMBPRINT_${t.hash} = ${quoted(t.value)}; // ${thumbprintComment(t)}`);
  }
  if (f.certificate) {
    lines.push(`const CLIENT_CERT_FILE = ${quoted(f.certificate.certFile)};`, `const CLIENT_KEY_FILE = ${quoted(f.certificate.keyFile)};`);
    if (f.certificate.caFile) lines.push(`const SERVER_CA_FILE = ${quoted(f.certificate.caFile)};`);
  }
  return lines;
}

const SECRET = [
  'function clientSecret() {',
  `  const secret = process.env.${SECRET_ENV};`,
  `  if (!secret) throw new Error('Set ${SECRET_ENV} to the client secret.');`,
  '  return secret;',
  '}',
  '',
];

function signAssertion(f: ProgramFacts): string[] {
  const key = f.jwt === 'private_key_jwt' ? 'await importPKCS8(readFileSync(PRIVATE_KEY_FILE, \'utf8\'), SIGNING_ALG)' : 'new TextEncoder().encode(clientSecret())';
  const alg = f.jwt === 'private_key_jwt' ? 'SIGNING_ALG' : "'HS256'";
  const kid = f.privateKey?.kid ? ', kid: KEY_ID' : '';
  const x5t = f.certificateThumbprints.map((t) => `, ${quoted(t.member)}: CERT_THUMBPRINT_${t.hash}`).join('');
  // jose's SignJWT writes only the header members given: leaving typ out leaves it out.
  const typ = f.assertionTyp === null ? '' : `, typ: ${quoted(f.assertionTyp)}`;
  return [
    '  // A fresh assertion per request: iss = sub = client_id, a new jti, a short exp (RFC 7523 §3).',
    `  const key = ${key};`,
    '  const now = Math.floor(Date.now() / 1000);',
    `  // ${typComment(f)}`,
    '  const assertion = await new SignJWT({ iss: CLIENT_ID, sub: CLIENT_ID, aud: ASSERTION_AUDIENCE, jti: crypto.randomUUID() })',
    `    .setProtectedHeader({ alg: ${alg}${typ}${kid}${x5t} })`,
    '    .setIssuedAt(now)',
    '    .setExpirationTime(now + ASSERTION_LIFETIME_SECONDS)',
    '    .sign(key);',
    "  body.set('client_id', CLIENT_ID);",
    `  body.set('client_assertion_type', ${quoted(CLIENT_ASSERTION_TYPE)});`,
    "  body.set('client_assertion', assertion);",
  ];
}

function authenticate(f: ProgramFacts): string[] {
  const open = '/** Adds the client authentication to one request. */';
  switch (f.authMethod) {
    case 'client_secret_basic':
      return [
        open,
        'function authenticate(headers) {',
        '  // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.',
        "  const encode = (value) => new URLSearchParams([['', value]]).toString().slice(1);",
        "  headers.Authorization = `Basic ${Buffer.from(`${encode(CLIENT_ID)}:${encode(clientSecret())}`).toString('base64')}`;",
        '}',
      ];
    case 'client_secret_post':
      return [open, 'function authenticate(headers, body) {', "  body.set('client_id', CLIENT_ID);", "  body.set('client_secret', clientSecret());", '}'];
    case 'private_key_jwt':
    case 'client_secret_jwt':
      return [open, 'async function authenticate(headers, body) {', ...signAssertion(f), '}'];
    default:
      return [open, 'function authenticate(headers, body) {', '  // The client certificate in the TLS handshake is the credential (RFC 8705 §2).', "  body.set('client_id', CLIENT_ID);", '}'];
  }
}

function post(f: ProgramFacts): string[] {
  if (!f.certificate) {
    return [
      '/** One POST; redirects are not followed (credentials must not go to another URL). */',
      'async function post(headers, body) {',
      "  const response = await fetch(TOKEN_ENDPOINT, { method: 'POST', headers, body, redirect: 'manual' });",
      "  return { status: response.status, nonce: response.headers.get('dpop-nonce'), text: await response.text() };",
      '}',
    ];
  }
  const ca = f.certificate.caFile ? ', ca: readFileSync(SERVER_CA_FILE)' : '';
  return [
    '/** One POST over mutual TLS: node:https presents the client certificate (fetch cannot). */',
    'function post(headers, body) {',
    '  return new Promise((resolve, reject) => {',
    `    const tls = { cert: readFileSync(CLIENT_CERT_FILE), key: readFileSync(CLIENT_KEY_FILE)${ca} };`,
    "    const req = request(TOKEN_ENDPOINT, { method: 'POST', headers, ...tls }, (res) => {",
    "      let text = '';",
    "      res.setEncoding('utf8');",
    "      res.on('data', (chunk) => (text += chunk));",
    "      res.on('end', () => resolve({ status: res.statusCode, nonce: res.headers['dpop-nonce'], text }));",
    '    });',
    "    req.on('error', reject);",
    '    req.end(body.toString());',
    '  });',
    '}',
  ];
}

const DPOP = [
  '// DPoP (RFC 9449): one key for this process; the token is bound to it, so keep both together.',
  "const dpopKey = await generateKeyPair('ES256');",
  'const dpopJwk = await exportJWK(dpopKey.publicKey);',
  '',
  '/** A fresh proof for one token request (RFC 9449 §4.2), with the server nonce once it asked for one (§8). */',
  'function dpopProof(nonce) {',
  '  const htu = new URL(TOKEN_ENDPOINT);',
  "  htu.search = '';",
  "  htu.hash = '';",
  "  const claims = { htm: 'POST', htu: htu.href, jti: crypto.randomUUID(), ...(nonce ? { nonce } : {}) };",
  "  return new SignJWT(claims).setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: dpopJwk }).setIssuedAt().sign(dpopKey.privateKey);",
  '}',
  '',
];

function requestToken(f: ProgramFacts): string[] {
  const headers = [["Content-Type", 'application/x-www-form-urlencoded'], ...f.headers].map(([n, v]) => `${quoted(n!)}: ${quoted(v!)}`).join(', ');
  const send = [
    `const headers = { ${headers} };`,
    'const body = new URLSearchParams(PARAMS);',
    `${f.jwt ? 'await ' : ''}authenticate(headers, body);`,
    ...(f.dpop ? ['headers.DPoP = await dpopProof(nonce);'] : []),
    'const response = await post(headers, body);',
    'let json;',
    'try {',
    '  json = JSON.parse(response.text);',
    '} catch {',
    '  json = undefined;',
    '}',
  ];
  const nonceRetry = [
    "// The server wants its nonce in the proof: once more with it (RFC 9449 §8).",
    "if (response.status === 400 && json?.error === 'use_dpop_nonce' && response.nonce && !nonce) {",
    '  nonce = response.nonce;',
    '  continue;',
    '}',
  ];
  const finish = [
    "if (response.status !== 200 || typeof json?.access_token !== 'string') {",
    "  const said = json?.error ? `${json.error}${json.error_description ? `: ${json.error_description}` : ''}` : 'no OAuth error body';",
    '  throw new Error(`The token endpoint answered HTTP ${response.status} (${said}).`);',
    '}',
    'return { ...json, expires_at: Math.floor(Date.now() / 1000) + Number(json.expires_in ?? 0) };',
  ];
  const body = f.dpop ? ['let nonce;', 'for (;;) {', ...indent([...send, ...nonceRetry, ...finish], '  '), '}'] : [...send, ...finish];
  return ['/** Sends one token request and returns the response with expires_at (RFC 6749 §5.1). */', 'async function requestToken() {', ...indent(body, '  '), '}'];
}

const CACHE = [
  '/** The token, reused until REFRESH_BEFORE_SECONDS before it expires; callers share one request in flight. */',
  'class TokenCache {',
  '  #token;',
  '  #pending;',
  '',
  '  async get() {',
  '    const now = Date.now() / 1000;',
  '    if (this.#token && now < this.#token.expires_at - REFRESH_BEFORE_SECONDS) return this.#token;',
  '    this.#pending ??= requestToken().finally(() => (this.#pending = undefined));',
  '    try {',
  '      this.#token = await this.#pending;',
  '    } catch (error) {',
  '      // A failed refresh keeps a token that is still valid.',
  '      if (this.#token && now < this.#token.expires_at) return this.#token;',
  '      throw error;',
  '    }',
  '    return this.#token;',
  '  }',
  '}',
];

/** The Node program for the described request (`node token.mjs`, Node 20+). */
export function toNodeProgram(input: CodeExportInput): string {
  const f = programFactsOf(input);
  const needs = f.jwt || f.dpop ? 'Node 20+ and `npm install jose`' : 'Node 20+';
  return [
    ...headerLines(f, 'node token.mjs', needs).map((line) => `// ${line}`),
    ...imports(f),
    '',
    ...constants(f),
    '',
    ...(f.usesSecret ? SECRET : []),
    ...authenticate(f),
    '',
    ...post(f),
    '',
    ...(f.dpop ? DPOP : []),
    ...requestToken(f),
    '',
    ...CACHE,
    '',
    'const tokens = new TokenCache();',
    'console.log(JSON.stringify(await tokens.get()));',
    '',
  ].join('\n');
}
