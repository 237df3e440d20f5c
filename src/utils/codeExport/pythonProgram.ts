// A Python program (`requests`, PyJWT with `cryptography` for JWTs and DPoP) that caches its token.
import type { CodeExportInput } from './exportInput';
import { indent, quoted } from './literals';
import { audienceComment, CLIENT_ASSERTION_TYPE, headerLines, programFactsOf, SECRET_ENV, thumbprintComment, typComment, type ProgramFacts } from './programFacts';

function imports(f: ProgramFacts): string[] {
  return [
    'import json',
    ...(f.usesSecret ? ['import os', 'import sys'] : []),
    'import threading',
    'import time',
    ...(f.jwt || f.dpop ? ['import uuid'] : []),
    ...(f.privateKey ? ['from pathlib import Path'] : []),
    ...(f.authMethod === 'client_secret_basic' ? ['from urllib.parse import quote_plus'] : []),
    '',
    ...(f.jwt || f.dpop ? ['import jwt  # PyJWT'] : []),
    'import requests',
    ...(f.dpop ? ['from cryptography.hazmat.primitives.asymmetric import ec'] : []),
  ];
}

function constants(f: ProgramFacts): string[] {
  const lines = [
    `TOKEN_ENDPOINT = ${quoted(f.url)}`,
    `CLIENT_ID = ${quoted(f.clientId)}`,
    'PARAMS = [',
    ...f.params.map(([name, value]) => `    (${quoted(name)}, ${quoted(value)}),`),
    ']',
    `HEADERS = {${[['Content-Type', 'application/x-www-form-urlencoded'], ...f.headers].map(([n, v]) => `${quoted(n!)}: ${quoted(v!)}`).join(', ')}}`,
    `REFRESH_BEFORE_SECONDS = ${f.refreshBeforeSeconds}`,
  ];
  if (f.jwt) lines.push(`ASSERTION_AUDIENCE = ${quoted(f.assertionAudience ?? f.url)}  # ${audienceComment(f)}`, `ASSERTION_LIFETIME_SECONDS = ${f.lifetimeSeconds}`);
  if (f.privateKey) {
    lines.push(`PRIVATE_KEY_FILE = ${quoted(f.privateKey.file)}`, `SIGNING_ALG = ${quoted(f.privateKey.alg)}`);
    if (f.privateKey.kid) lines.push(`KEY_ID = ${quoted(f.privateKey.kid)}`);
    for (const t of f.certificateThumbprints) lines.push(`CERT_THUMBPRINT_${t.hash} = ${quoted(t.value)}  # ${thumbprintComment(t)}`);
  }
  if (f.certificate) {
    lines.push(`CLIENT_CERT_FILE = ${quoted(f.certificate.certFile)}`, `CLIENT_KEY_FILE = ${quoted(f.certificate.keyFile)}`);
    if (f.certificate.caFile) lines.push(`SERVER_CA_FILE = ${quoted(f.certificate.caFile)}`);
  }
  return lines;
}

const SECRET = [
  'def client_secret():',
  `    secret = os.environ.get("${SECRET_ENV}")`,
  '    if not secret:',
  `        sys.exit("Set ${SECRET_ENV} to the client secret.")`,
  '    return secret',
  '',
  '',
];

/**
 * The `typ` entry of PyJWT's `headers`: a string, or `None`, which PyJWT 2.2+ reads as "no typ" (it adds
 * `typ: JWT` to every header otherwise).
 * @see https://github.com/jpadilla/pyjwt/pull/644 (CHANGELOG v2.2.0: "Make typ optional in JWT")
 */
function pythonTyp(typ: string | null): string {
  return typ === null ? 'None' : quoted(typ);
}

function authenticate(f: ProgramFacts): string[] {
  const open = ['def authenticate(data):', '    """Adds the client authentication to one request; returns the HTTP Basic credentials, if any."""'];
  switch (f.authMethod) {
    case 'client_secret_basic':
      return [
        ...open,
        '    # RFC 6749 §2.3.1: id and secret are form-urlencoded before requests joins and base64-encodes them.',
        '    return (quote_plus(CLIENT_ID), quote_plus(client_secret()))',
      ];
    case 'client_secret_post':
      return [...open, '    data.append(("client_id", CLIENT_ID))', '    data.append(("client_secret", client_secret()))', '    return None'];
    case 'private_key_jwt':
    case 'client_secret_jwt': {
      const key = f.jwt === 'private_key_jwt' ? 'Path(PRIVATE_KEY_FILE).read_text()' : 'client_secret()';
      const alg = f.jwt === 'private_key_jwt' ? 'SIGNING_ALG' : '"HS256"';
      const kid = (f.privateKey?.kid ? ', "kid": KEY_ID' : '') + f.certificateThumbprints.map((t) => `, ${quoted(t.member)}: CERT_THUMBPRINT_${t.hash}`).join('');
      return [
        ...open,
        '    # A fresh assertion per request: iss = sub = client_id, a new jti, a short exp (RFC 7523 §3).',
        '    now = int(time.time())',
        '    claims = {"iss": CLIENT_ID, "sub": CLIENT_ID, "aud": ASSERTION_AUDIENCE, "jti": str(uuid.uuid4()),',
        '              "iat": now, "exp": now + ASSERTION_LIFETIME_SECONDS}',
        `    # ${typComment(f)}`,
        ...(f.assertionTyp === null ? ['    # PyJWT writes typ JWT unless headers set it to None (PyJWT 2.2+).'] : []),
        `    assertion = jwt.encode(claims, ${key}, algorithm=${alg}, headers={"typ": ${pythonTyp(f.assertionTyp)}${kid}})`,
        '    data.append(("client_id", CLIENT_ID))',
        `    data.append(("client_assertion_type", ${quoted(CLIENT_ASSERTION_TYPE)}))`,
        '    data.append(("client_assertion", assertion))',
        '    return None',
      ];
    }
    default:
      return [...open, '    # The client certificate in the TLS handshake is the credential (RFC 8705 §2).', '    data.append(("client_id", CLIENT_ID))', '    return None'];
  }
}

const DPOP = [
  '# DPoP (RFC 9449): one key for this process; the token is bound to it, so keep both together.',
  'DPOP_KEY = ec.generate_private_key(ec.SECP256R1())',
  'DPOP_JWK = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(DPOP_KEY.public_key()))',
  '',
  '',
  'def dpop_proof(nonce):',
  '    """A fresh proof for one token request (RFC 9449 §4.2), with the server nonce once it asked for one (§8)."""',
  '    claims = {"htm": "POST", "htu": TOKEN_ENDPOINT.split("?")[0].split("#")[0], "iat": int(time.time()), "jti": str(uuid.uuid4())}',
  '    if nonce:',
  '        claims["nonce"] = nonce',
  '    return jwt.encode(claims, DPOP_KEY, algorithm="ES256", headers={"typ": "dpop+jwt", "jwk": DPOP_JWK})',
  '',
  '',
];

function requestToken(f: ProgramFacts): string[] {
  const tls = f.certificate
    ? [`cert=(CLIENT_CERT_FILE, CLIENT_KEY_FILE), verify=${f.certificate.caFile ? 'SERVER_CA_FILE' : 'True'}, `]
    : [''];
  const send = [
    'data = list(PARAMS)',
    'headers = dict(HEADERS)',
    'auth = authenticate(data)',
    ...(f.dpop ? ['headers["DPoP"] = dpop_proof(nonce)'] : []),
    `response = requests.post(TOKEN_ENDPOINT, data=data, headers=headers, auth=auth, ${tls[0]}allow_redirects=False, timeout=15)`,
    'try:',
    '    body = response.json()',
    'except ValueError:',
    '    body = {}',
  ];
  const nonceRetry = [
    '# The server wants its nonce in the proof: once more with it (RFC 9449 §8).',
    'if response.status_code == 400 and body.get("error") == "use_dpop_nonce" and response.headers.get("DPoP-Nonce") and not nonce:',
    '    nonce = response.headers["DPoP-Nonce"]',
    '    continue',
  ];
  const finish = [
    'if response.status_code != 200 or not isinstance(body.get("access_token"), str):',
    '    said = f"{body[\'error\']}: {body.get(\'error_description\', \'\')}" if "error" in body else "no OAuth error body"',
    '    raise RuntimeError(f"The token endpoint answered HTTP {response.status_code} ({said}).")',
    'body["expires_at"] = int(time.time()) + int(float(body.get("expires_in", 0)))',
    'return body',
  ];
  const body = f.dpop ? ['nonce = None', 'while True:', ...indent([...send, ...nonceRetry, ...finish], '    ')] : [...send, ...finish];
  return [
    'def request_token():',
    '    """Sends one token request and returns the response with expires_at (RFC 6749 §5.1)."""',
    ...indent(body, '    '),
  ];
}

const CACHE = [
  'class TokenCache:',
  '    """The token, reused until REFRESH_BEFORE_SECONDS before it expires; one request at a time."""',
  '',
  '    def __init__(self):',
  '        self._lock = threading.Lock()',
  '        self._token = None',
  '',
  '    def get(self):',
  '        with self._lock:',
  '            now = time.time()',
  '            if self._token and now < self._token["expires_at"] - REFRESH_BEFORE_SECONDS:',
  '                return self._token',
  '            try:',
  '                self._token = request_token()',
  '            except Exception:',
  '                # A failed refresh keeps a token that is still valid.',
  '                if self._token and now < self._token["expires_at"]:',
  '                    return self._token',
  '                raise',
  '            return self._token',
];

/** The Python program for the described request (`python3 get_token.py`). */
export function toPythonProgram(input: CodeExportInput): string {
  const f = programFactsOf(input);
  const needs = f.jwt || f.dpop ? 'Python 3.8+, `pip install requests PyJWT cryptography`' : 'Python 3.8+, `pip install requests`';
  return [
    '#!/usr/bin/env python3',
    ...headerLines(f, 'python3 get_token.py', needs).map((line) => `# ${line}`),
    ...imports(f),
    '',
    ...constants(f),
    '',
    '',
    ...(f.usesSecret ? SECRET : []),
    ...authenticate(f),
    '',
    '',
    ...(f.dpop ? DPOP : []),
    ...requestToken(f),
    '',
    '',
    ...CACHE,
    '',
    '',
    'if __name__ == "__main__":',
    '    tokens = TokenCache()',
    '    print(json.dumps(tokens.get()))',
    '',
  ].join('\n');
}
