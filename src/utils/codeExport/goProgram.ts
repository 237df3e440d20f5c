// A Go program (net/http, crypto/tls, github.com/golang-jwt/jwt/v5 for assertions) that caches its token.
import type { CodeExportInput } from './exportInput';
import { goQuoted as q } from './literals';
import { audienceComment, CLIENT_ASSERTION_TYPE, headerLines, programFactsOf, SECRET_ENV, thumbprintComment, typComment, type ProgramFacts } from './programFacts';

function imports(f: ProgramFacts): string[] {
  const std = [
    ...(f.certificate ? ['crypto/tls'] : []),
    ...(f.certificate?.caFile ? ['crypto/x509'] : []),
    ...(f.jwt ? ['crypto/rand', 'encoding/hex'] : []),
    ...(f.authMethod === 'client_secret_basic' ? ['encoding/base64'] : []),
    'encoding/json',
    'fmt',
    'net/http',
    'net/url',
    'os',
    'strings',
    'sync',
    'time',
  ].sort();
  return ['import (', ...std.map((p) => `\t"${p}"`), ...(f.jwt ? ['', '\t"github.com/golang-jwt/jwt/v5"'] : []), ')'];
}

/** Lines of `name = value` (or `key: value`) aligned the way gofmt aligns a block. */
function aligned(rows: ReadonlyArray<readonly [string, string, string?]>, separator: ' =' | ':'): string[] {
  const width = Math.max(...rows.map(([name]) => name.length + (separator === ':' ? 1 : 0)));
  return rows.map(([name, value, comment]) => {
    const left = separator === ':' ? `${name}:` : name;
    return `\t${left.padEnd(width)}${separator === ' =' ? ' = ' : ' '}${value}${comment ? ` // ${comment}` : ''}`;
  });
}

function constants(f: ProgramFacts): string[] {
  const rows: Array<[string, string, string?]> = [
    ['tokenEndpoint', q(f.url)],
    ['clientID', q(f.clientId)],
    ['refreshBefore', `${f.refreshBeforeSeconds} * time.Second`],
  ];
  if (f.jwt) rows.push(['assertionAudience', q(f.assertionAudience ?? f.url), audienceComment(f)], ['assertionLifetime', `${f.lifetimeSeconds} * time.Second`]);
  if (f.privateKey) {
    rows.push(['privateKeyFile', q(f.privateKey.file)]);
    if (f.privateKey.kid) rows.push(['keyID', q(f.privateKey.kid)]);
    // No trailing comments here: gofmt would align two of them into a column; the signing code says what they are.
    for (const t of f.certificateThumbprints) rows.push([`certThumbprint${t.hash}`, q(t.value)]);
  }
  if (f.certificate) {
    rows.push(['clientCertFile', q(f.certificate.certFile)], ['clientKeyFile', q(f.certificate.keyFile)]);
    if (f.certificate.caFile) rows.push(['serverCAFile', q(f.certificate.caFile)]);
  }
  const headerRows = [['Content-Type', 'application/x-www-form-urlencoded'], ...f.headers].map(([n, v]) => [q(n!), q(v!)] as const);
  return [
    'const (',
    ...aligned(rows, ' ='),
    ')',
    '',
    '// params and headers are the request the playground showed, without its credentials.',
    'var params = [][2]string{',
    ...f.params.map(([n, v]) => `\t{${q(n)}, ${q(v)}},`),
    '}',
    '',
    'var headers = map[string]string{',
    ...aligned(headerRows, ':').map((line) => `${line},`),
    '}',
  ];
}

const SECRET = [
  'func clientSecret() (string, error) {',
  `\tif secret := os.Getenv("${SECRET_ENV}"); secret != "" {`,
  '\t\treturn secret, nil',
  '\t}',
  `\treturn "", fmt.Errorf("set ${SECRET_ENV} to the client secret")`,
  '}',
  '',
];

/**
 * The header's `typ`: golang-jwt's NewWithClaims starts every header with `"typ": "JWT"`, so the program sets the
 * value it wants, or deletes the member for an untyped assertion.
 * @see https://github.com/golang-jwt/jwt/blob/main/token.go (NewWithClaims)
 */
function typLines(f: ProgramFacts): string[] {
  const set = f.assertionTyp === null ? '\tdelete(token.Header, "typ") // NewWithClaims put "typ": "JWT" there' : `\ttoken.Header["typ"] = ${q(f.assertionTyp)}`;
  return [`\t// ${typComment(f)}`, set];
}

/** The signing key and method, per JWT method and algorithm (golang-jwt parses PKCS#8 PEM for RSA and EC). */
function signingKey(f: ProgramFacts): string[] {
  if (f.jwt === 'client_secret_jwt') {
    return ['\tsecret, err := clientSecret()', '\tif err != nil {', '\t\treturn "", err', '\t}', '\ttoken := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)', ...typLines(f), '\treturn token.SignedString([]byte(secret))'];
  }
  const alg = f.privateKey!.alg;
  const parse = alg === 'ES256' ? 'jwt.ParseECPrivateKeyFromPEM' : 'jwt.ParseRSAPrivateKeyFromPEM';
  return [
    '\tpem, err := os.ReadFile(privateKeyFile)',
    '\tif err != nil {',
    '\t\treturn "", err',
    '\t}',
    `\tkey, err := ${parse}(pem)`,
    '\tif err != nil {',
    '\t\treturn "", err',
    '\t}',
    `\ttoken := jwt.NewWithClaims(jwt.SigningMethod${alg}, claims)`,
    ...typLines(f),
    ...(f.privateKey?.kid ? ['\ttoken.Header["kid"] = keyID'] : []),
    ...f.certificateThumbprints.flatMap((t) => [`\t// ${thumbprintComment(t)}`, `\ttoken.Header[${q(t.member)}] = certThumbprint${t.hash}`]),
    '\treturn token.SignedString(key)',
  ];
}

function assertion(f: ProgramFacts): string[] {
  if (!f.jwt) return [];
  return [
    '// signAssertion makes a fresh assertion per request: iss = sub = client_id, a new jti, a short exp (RFC 7523 §3).',
    'func signAssertion() (string, error) {',
    '\tjti := make([]byte, 16)',
    '\tif _, err := rand.Read(jti); err != nil {',
    '\t\treturn "", err',
    '\t}',
    '\tnow := time.Now()',
    '\tclaims := jwt.MapClaims{',
    '\t\t"iss": clientID, "sub": clientID, "aud": assertionAudience, "jti": hex.EncodeToString(jti),',
    '\t\t"iat": now.Unix(), "exp": now.Add(assertionLifetime).Unix(),',
    '\t}',
    ...signingKey(f),
    '}',
    '',
  ];
}

function authenticate(f: ProgramFacts): string[] {
  const open = ['// authenticate adds the client authentication to one request.', 'func authenticate(form url.Values, header http.Header) error {'];
  switch (f.authMethod) {
    case 'client_secret_basic':
      return [
        ...open,
        '\tsecret, err := clientSecret()',
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        '\t// RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.',
        '\tcredentials := url.QueryEscape(clientID) + ":" + url.QueryEscape(secret)',
        '\theader.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(credentials)))',
        '\treturn nil',
        '}',
      ];
    case 'client_secret_post':
      return [...open, '\tsecret, err := clientSecret()', '\tif err != nil {', '\t\treturn err', '\t}', '\tform.Set("client_id", clientID)', '\tform.Set("client_secret", secret)', '\treturn nil', '}'];
    case 'private_key_jwt':
    case 'client_secret_jwt':
      return [
        ...open,
        '\tassertion, err := signAssertion()',
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        '\tform.Set("client_id", clientID)',
        `\tform.Set("client_assertion_type", ${q(CLIENT_ASSERTION_TYPE)})`,
        '\tform.Set("client_assertion", assertion)',
        '\treturn nil',
        '}',
      ];
    default:
      return [...open, '\t// The client certificate in the TLS handshake is the credential (RFC 8705 §2).', '\tform.Set("client_id", clientID)', '\treturn nil', '}'];
  }
}

function httpClient(f: ProgramFacts): string[] {
  const noRedirect = '\t\tCheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },';
  if (!f.certificate) {
    return ['// newClient does not follow redirects: credentials must not go to another URL.', 'func newClient() (*http.Client, error) {', '\treturn &http.Client{', '\t\tTimeout:       15 * time.Second,', noRedirect, '\t}, nil', '}'];
  }
  const ca = f.certificate.caFile
    ? ['\tpool, err := x509.SystemCertPool()', '\tif err != nil {', '\t\tpool = x509.NewCertPool()', '\t}', '\tcaPEM, err := os.ReadFile(serverCAFile)', '\tif err != nil {', '\t\treturn nil, err', '\t}', '\tpool.AppendCertsFromPEM(caPEM)', '\tconfig.RootCAs = pool']
    : [];
  return [
    '// newClient presents the client certificate (RFC 8705) and does not follow redirects.',
    'func newClient() (*http.Client, error) {',
    '\tcert, err := tls.LoadX509KeyPair(clientCertFile, clientKeyFile)',
    '\tif err != nil {',
    '\t\treturn nil, err',
    '\t}',
    '\tconfig := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}',
    ...ca,
    '\treturn &http.Client{',
    '\t\tTimeout:       15 * time.Second,',
    '\t\tTransport:     &http.Transport{TLSClientConfig: config},',
    noRedirect,
    '\t}, nil',
    '}',
  ];
}

const REQUEST_TOKEN = [
  '// requestToken sends one token request and returns the response with expires_at (RFC 6749 §5.1).',
  'func requestToken() (map[string]any, time.Time, error) {',
  '\tform := url.Values{}',
  '\tfor _, p := range params {',
  '\t\tform.Add(p[0], p[1])',
  '\t}',
  '\theader := http.Header{}',
  '\tfor name, value := range headers {',
  '\t\theader.Set(name, value)',
  '\t}',
  '\tif err := authenticate(form, header); err != nil {',
  '\t\treturn nil, time.Time{}, err',
  '\t}',
  '\treq, err := http.NewRequest(http.MethodPost, tokenEndpoint, strings.NewReader(form.Encode()))',
  '\tif err != nil {',
  '\t\treturn nil, time.Time{}, err',
  '\t}',
  '\treq.Header = header',
  '\tclient, err := newClient()',
  '\tif err != nil {',
  '\t\treturn nil, time.Time{}, err',
  '\t}',
  '\tres, err := client.Do(req)',
  '\tif err != nil {',
  '\t\treturn nil, time.Time{}, err',
  '\t}',
  '\tdefer res.Body.Close()',
  '\tvar body map[string]any',
  '\t_ = json.NewDecoder(res.Body).Decode(&body)',
  '\tif _, ok := body["access_token"].(string); res.StatusCode != http.StatusOK || !ok {',
  '\t\treturn nil, time.Time{}, fmt.Errorf("the token endpoint answered HTTP %d (%v: %v)", res.StatusCode, body["error"], body["error_description"])',
  '\t}',
  '\texpiresIn, _ := body["expires_in"].(float64)',
  '\texpiresAt := time.Now().Add(time.Duration(expiresIn) * time.Second)',
  '\tbody["expires_at"] = expiresAt.Unix()',
  '\treturn body, expiresAt, nil',
  '}',
];

const CACHE = [
  '// tokenCache reuses the token until refreshBefore its expiry; the mutex makes callers share one request.',
  'type tokenCache struct {',
  '\tmu        sync.Mutex',
  '\ttoken     map[string]any',
  '\texpiresAt time.Time',
  '}',
  '',
  'func (c *tokenCache) Get() (map[string]any, error) {',
  '\tc.mu.Lock()',
  '\tdefer c.mu.Unlock()',
  '\tnow := time.Now()',
  '\tif c.token != nil && now.Before(c.expiresAt.Add(-refreshBefore)) {',
  '\t\treturn c.token, nil',
  '\t}',
  '\ttoken, expiresAt, err := requestToken()',
  '\tif err != nil {',
  '\t\t// A failed refresh keeps a token that is still valid.',
  '\t\tif c.token != nil && now.Before(c.expiresAt) {',
  '\t\t\treturn c.token, nil',
  '\t\t}',
  '\t\treturn nil, err',
  '\t}',
  '\tc.token, c.expiresAt = token, expiresAt',
  '\treturn token, nil',
  '}',
];

const MAIN = [
  'func main() {',
  '\tcache := &tokenCache{}',
  '\ttoken, err := cache.Get()',
  '\tif err != nil {',
  '\t\tfmt.Fprintln(os.Stderr, err)',
  '\t\tos.Exit(1)',
  '\t}',
  '\t_ = json.NewEncoder(os.Stdout).Encode(token)',
  '}',
];

/** The Go program for the described request (`go run .` in a module that requires golang-jwt/jwt/v5 for the JWT methods). */
export function toGoProgram(input: CodeExportInput): string {
  const f = programFactsOf(input);
  const needs = f.jwt ? 'Go 1.21+, `go mod init token && go get github.com/golang-jwt/jwt/v5`' : 'Go 1.21+ (standard library only)';
  const dpopNote = f.dpop
    ? ['DPoP (RFC 9449) is not generated for Go: no maintained Go library makes proofs short. This program asks for a', 'Bearer token; export Node or Python for a DPoP-bound one.']
    : [];
  return [
    ...[...headerLines(f, 'go run .', needs), ...dpopNote].map((line) => `// ${line}`),
    'package main',
    '',
    ...imports(f),
    '',
    ...constants(f),
    '',
    ...(f.usesSecret ? SECRET : []),
    ...assertion(f),
    ...authenticate(f),
    '',
    ...httpClient(f),
    '',
    ...REQUEST_TOKEN,
    '',
    ...CACHE,
    '',
    ...MAIN,
    '',
  ].join('\n');
}
