// A Java program (java.net.http, Nimbus JOSE+JWT for assertions and JSON) that caches its token.
import { GENERIC_JWT_TYP } from '../oauth/assertionAudience';
import type { CodeExportInput } from './exportInput';
import { indent, quoted as q } from './literals';
import { audienceComment, CLIENT_ASSERTION_TYPE, headerLines, programFactsOf, SECRET_ENV, thumbprintComment, typComment, type ProgramFacts } from './programFacts';

function imports(f: ProgramFacts): string[] {
  const jdk = [
    'java.net.URI',
    'java.net.URLEncoder',
    'java.net.http.HttpClient',
    'java.net.http.HttpRequest',
    'java.net.http.HttpResponse',
    'java.nio.charset.StandardCharsets',
    'java.time.Duration',
    'java.time.Instant',
    'java.util.ArrayList',
    'java.util.List',
    'java.util.Map',
    ...(f.authMethod === 'client_secret_basic' ? ['java.util.Base64'] : []),
    ...(f.jwt ? ['java.util.Date', 'java.util.UUID'] : []),
    ...(f.privateKey || f.certificate ? ['java.nio.file.Files', 'java.nio.file.Path', 'java.security.KeyFactory', 'java.security.PrivateKey', 'java.security.spec.PKCS8EncodedKeySpec'] : []),
    ...(f.privateKey?.alg === 'ES256' ? ['java.security.interfaces.ECPrivateKey'] : []),
    ...(f.certificate
      ? ['java.io.ByteArrayInputStream', 'java.security.KeyStore', 'java.security.cert.Certificate', 'java.security.cert.CertificateFactory', 'javax.net.ssl.KeyManagerFactory', 'javax.net.ssl.SSLContext', 'javax.net.ssl.TrustManagerFactory']
      : []),
  ].sort();
  const nimbus = [
    'com.nimbusds.jose.util.JSONObjectUtils',
    ...(f.jwt && f.assertionTyp !== null ? ['com.nimbusds.jose.JOSEObjectType'] : []),
    ...(f.jwt ? ['com.nimbusds.jose.JWSAlgorithm', 'com.nimbusds.jose.JWSHeader', 'com.nimbusds.jwt.JWTClaimsSet', 'com.nimbusds.jwt.SignedJWT'] : []),
    ...(f.jwt === 'client_secret_jwt' ? ['com.nimbusds.jose.crypto.MACSigner'] : []),
    ...(f.certificateThumbprints.length > 0 ? ['com.nimbusds.jose.util.Base64URL'] : []),
    ...(f.privateKey ? [f.privateKey.alg === 'ES256' ? 'com.nimbusds.jose.crypto.ECDSASigner' : 'com.nimbusds.jose.crypto.RSASSASigner'] : []),
  ].sort();
  return [...nimbus.map((i) => `import ${i};`), '', ...jdk.map((i) => `import ${i};`)];
}

/** Nimbus's header builder calls for the certificate thumbprints (x5t is deprecated in Nimbus, but some servers want it). */
function thumbprintCalls(f: ProgramFacts): string {
  return f.certificateThumbprints.map((t) => `.${t.hash === 'SHA256' ? 'x509CertSHA256Thumbprint' : 'x509CertThumbprint'}(new Base64URL(CERT_THUMBPRINT_${t.hash}))`).join('');
}

function constants(f: ProgramFacts): string[] {
  const lines = [
    `static final String TOKEN_ENDPOINT = ${q(f.url)};`,
    `static final String CLIENT_ID = ${q(f.clientId)};`,
    '/** The request the playground showed, without its credentials. */',
    'static final List<String[]> PARAMS = List.of(',
    ...f.params.map(([n, v], i) => `        new String[] {${q(n)}, ${q(v)}}${i === f.params.length - 1 ? '' : ','}`),
    ');',
    'static final List<String[]> HEADERS = List.of(',
    ...[['Content-Type', 'application/x-www-form-urlencoded'], ...f.headers].map(([n, v], i, all) => `        new String[] {${q(n!)}, ${q(v!)}}${i === all.length - 1 ? '' : ','}`),
    ');',
    `static final Duration REFRESH_BEFORE = Duration.ofSeconds(${f.refreshBeforeSeconds});`,
  ];
  if (f.jwt) lines.push(`static final String ASSERTION_AUDIENCE = ${q(f.assertionAudience ?? f.url)}; // ${audienceComment(f)}`, `static final long ASSERTION_LIFETIME_SECONDS = ${f.lifetimeSeconds};`);
  if (f.privateKey) {
    lines.push(`static final String PRIVATE_KEY_FILE = ${q(f.privateKey.file)};`);
    if (f.privateKey.kid) lines.push(`static final String KEY_ID = ${q(f.privateKey.kid)};`);
    for (const t of f.certificateThumbprints) lines.push(`static final String CERT_THUMBPRINT_${t.hash} = ${q(t.value)}; // ${thumbprintComment(t)}`);
  }
  if (f.certificate) {
    lines.push(`static final String CLIENT_CERT_FILE = ${q(f.certificate.certFile)};`, `static final String CLIENT_KEY_FILE = ${q(f.certificate.keyFile)};`);
    if (f.certificate.caFile) lines.push(`static final String SERVER_CA_FILE = ${q(f.certificate.caFile)};`);
  }
  return lines;
}

const SECRET = [
  'static String clientSecret() {',
  `    String secret = System.getenv("${SECRET_ENV}");`,
  '    if (secret == null || secret.isEmpty()) {',
  `        throw new IllegalStateException("Set ${SECRET_ENV} to the client secret.");`,
  '    }',
  '    return secret;',
  '}',
  '',
];

/** PKCS#8 PEM to a JDK key: what both the assertion key and the TLS client key need. */
function pemReader(f: ProgramFacts): string[] {
  if (!f.privateKey && !f.certificate) return [];
  return [
    '/** A PKCS#8 PEM private key ("RSA" or "EC"). */',
    'static PrivateKey readPrivateKey(String file, String algorithm) throws Exception {',
    '    String base64 = Files.readString(Path.of(file)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\\\s", "");',
    '    byte[] der = java.util.Base64.getDecoder().decode(base64);',
    '    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));',
    '}',
    '',
  ];
}

/**
 * The header builder's `.type(…)`: Nimbus's Header.toJSONObject writes `typ` only when one was set, so an untyped
 * assertion simply has no `.type(…)`; other types than the JWT constant are made with the JOSEObjectType constructor.
 * @see https://bitbucket.org/connect2id/nimbus-jose-jwt/issues/117 (JOSEObjectType.JWT, since 3.9)
 */
function typeCall(typ: string | null): string {
  if (typ === null) return '';
  return typ === GENERIC_JWT_TYP ? '.type(JOSEObjectType.JWT)' : `.type(new JOSEObjectType(${q(typ)}))`;
}

function assertion(f: ProgramFacts): string[] {
  if (!f.jwt) return [];
  const alg = f.jwt === 'client_secret_jwt' ? 'HS256' : f.privateKey!.alg;
  const signer =
    f.jwt === 'client_secret_jwt'
      ? '// HS256 wants a secret of at least 256 bits (RFC 7518 §3.2); Nimbus refuses shorter ones.\n    new MACSigner(clientSecret().getBytes(StandardCharsets.UTF_8))'
      : alg === 'ES256'
        ? 'new ECDSASigner((ECPrivateKey) readPrivateKey(PRIVATE_KEY_FILE, "EC"))'
        : 'new RSASSASigner(readPrivateKey(PRIVATE_KEY_FILE, "RSA"))';
  const [comment, construct] = signer.includes('\n') ? signer.split('\n    ') : [undefined, signer];
  return [
    '/** A fresh assertion per request: iss = sub = client_id, a new jti, a short exp (RFC 7523 §3). */',
    'static String signAssertion() throws Exception {',
    '    Instant now = Instant.now();',
    '    JWTClaimsSet claims = new JWTClaimsSet.Builder()',
    '            .issuer(CLIENT_ID)',
    '            .subject(CLIENT_ID)',
    '            .audience(ASSERTION_AUDIENCE)',
    '            .jwtID(UUID.randomUUID().toString())',
    '            .issueTime(Date.from(now))',
    '            .expirationTime(Date.from(now.plusSeconds(ASSERTION_LIFETIME_SECONDS)))',
    '            .build();',
    `    // ${typComment(f)}`,
    `    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.${alg})${typeCall(f.assertionTyp)}${f.privateKey?.kid ? '.keyID(KEY_ID)' : ''}${thumbprintCalls(f)}.build();`,
    '    SignedJWT jwt = new SignedJWT(header, claims);',
    ...(comment ? [`    ${comment}`] : []),
    `    jwt.sign(${construct});`,
    '    return jwt.serialize();',
    '}',
    '',
  ];
}

function authenticate(f: ProgramFacts): string[] {
  const open = ['/** Adds the client authentication to one request: form parameters, or an Authorization header. */', 'static void authenticate(List<String[]> form, List<String[]> headers) throws Exception {'];
  let body: string[];
  switch (f.authMethod) {
    case 'client_secret_basic':
      body = [
        '// RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.',
        'String credentials = encode(CLIENT_ID) + ":" + encode(clientSecret());',
        'headers.add(new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))});',
      ];
      break;
    case 'client_secret_post':
      body = ['form.add(new String[] {"client_id", CLIENT_ID});', 'form.add(new String[] {"client_secret", clientSecret()});'];
      break;
    case 'private_key_jwt':
    case 'client_secret_jwt':
      body = ['form.add(new String[] {"client_id", CLIENT_ID});', `form.add(new String[] {"client_assertion_type", ${q(CLIENT_ASSERTION_TYPE)}});`, 'form.add(new String[] {"client_assertion", signAssertion()});'];
      break;
    default:
      body = ['// The client certificate in the TLS handshake is the credential (RFC 8705 §2).', 'form.add(new String[] {"client_id", CLIENT_ID});'];
  }
  return [...open, ...indent(body, '    '), '}', ''];
}

function httpClient(f: ProgramFacts): string[] {
  const base = ['HttpClient.newBuilder()', '        .connectTimeout(Duration.ofSeconds(15))', '        .followRedirects(HttpClient.Redirect.NEVER)'];
  if (!f.certificate) {
    return ['/** Redirects are not followed: credentials must not go to another URL. */', 'static HttpClient newClient() {', `    return ${base[0]}`, ...base.slice(1).map((l) => `    ${l}`), '            .build();', '}', ''];
  }
  const trust = f.certificate.caFile
    ? [
        'KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());',
        'trusted.load(null, null);',
        'trusted.setCertificateEntry("server-ca", certificates.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(Path.of(SERVER_CA_FILE)))));',
        'TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());',
        'trust.init(trusted);',
      ]
    : [];
  return [
    '/** Presents the client certificate (RFC 8705) and does not follow redirects. */',
    'static HttpClient newClient() throws Exception {',
    ...indent(
      [
        'CertificateFactory certificates = CertificateFactory.getInstance("X.509");',
        'Certificate cert = certificates.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(Path.of(CLIENT_CERT_FILE))));',
        'PrivateKey key = readPrivateKey(CLIENT_KEY_FILE, cert.getPublicKey().getAlgorithm());',
        'KeyStore store = KeyStore.getInstance("PKCS12");',
        'store.load(null, null);',
        'store.setKeyEntry("client", key, new char[0], new Certificate[] {cert});',
        'KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());',
        'keys.init(store, new char[0]);',
        ...trust,
        'SSLContext tls = SSLContext.getInstance("TLS");',
        `tls.init(keys.getKeyManagers(), ${f.certificate.caFile ? 'trust.getTrustManagers()' : 'null'}, null);`,
        `return ${base[0]}`,
        ...base.slice(1),
        '        .sslContext(tls)',
        '        .build();',
      ],
      '    ',
    ),
    '}',
    '',
  ];
}

const REQUEST_TOKEN = [
  'static String encode(String value) {',
  '    return URLEncoder.encode(value, StandardCharsets.UTF_8);',
  '}',
  '',
  '/** Sends one token request and returns the response with expires_at (RFC 6749 §5.1). */',
  'static Map<String, Object> requestToken() throws Exception {',
  '    List<String[]> form = new ArrayList<>(PARAMS);',
  '    List<String[]> headers = new ArrayList<>(HEADERS);',
  '    authenticate(form, headers);',
  '    StringBuilder body = new StringBuilder();',
  '    for (String[] p : form) {',
  '        body.append(body.length() == 0 ? "" : "&").append(encode(p[0])).append("=").append(encode(p[1]));',
  '    }',
  '    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TOKEN_ENDPOINT))',
  '            .timeout(Duration.ofSeconds(15))',
  '            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));',
  '    for (String[] h : headers) {',
  '        request.header(h[0], h[1]);',
  '    }',
  '    HttpResponse<String> response = newClient().send(request.build(), HttpResponse.BodyHandlers.ofString());',
  '    Map<String, Object> json;',
  '    try {',
  '        json = JSONObjectUtils.parse(response.body());',
  '    } catch (java.text.ParseException notJson) {',
  '        json = Map.of();',
  '    }',
  '    if (response.statusCode() != 200 || !(json.get("access_token") instanceof String)) {',
  '        throw new IllegalStateException("The token endpoint answered HTTP " + response.statusCode()',
  '                + " (" + json.get("error") + ": " + json.get("error_description") + ").");',
  '    }',
  '    Number expiresIn = json.get("expires_in") instanceof Number n ? n : 0;',
  '    Map<String, Object> token = new java.util.LinkedHashMap<>(json);',
  '    token.put("expires_at", Instant.now().getEpochSecond() + expiresIn.longValue());',
  '    return token;',
  '}',
  '',
];

const CACHE = [
  '/** The token, reused until REFRESH_BEFORE its expiry; synchronized, so callers share one request. */',
  'static final class TokenCache {',
  '    private Map<String, Object> token;',
  '',
  '    synchronized Map<String, Object> get() throws Exception {',
  '        long now = Instant.now().getEpochSecond();',
  '        long expiresAt = token == null ? 0 : ((Number) token.get("expires_at")).longValue();',
  '        if (token != null && now < expiresAt - REFRESH_BEFORE.toSeconds()) {',
  '            return token;',
  '        }',
  '        try {',
  '            token = requestToken();',
  '        } catch (Exception error) {',
  '            // A failed refresh keeps a token that is still valid.',
  '            if (token != null && now < expiresAt) {',
  '                return token;',
  '            }',
  '            throw error;',
  '        }',
  '        return token;',
  '    }',
  '}',
  '',
  'public static void main(String[] args) throws Exception {',
  '    TokenCache tokens = new TokenCache();',
  '    System.out.println(JSONObjectUtils.toJSONString(tokens.get()));',
  '}',
];

/** The Java program for the described request (`java -cp nimbus-jose-jwt.jar Token.java`, Java 17+). */
export function toJavaProgram(input: CodeExportInput): string {
  const f = programFactsOf(input);
  const needs = 'Java 17+ and com.nimbusds:nimbus-jose-jwt (JOSE and JSON) on the class path';
  const dpopNote = f.dpop
    ? ['DPoP (RFC 9449) is not generated for Java here: Nimbus\'s DPoP proof factory lives in the larger', 'oauth2-oidc-sdk. This program asks for a Bearer token; export Node or Python for a DPoP-bound one.']
    : [];
  return [
    ...[...headerLines(f, 'java -cp nimbus-jose-jwt.jar Token.java', needs), ...dpopNote].map((line) => `// ${line}`),
    ...imports(f),
    '',
    'public class Token {',
    ...indent(
      [...constants(f), '', ...(f.usesSecret ? SECRET : []), ...pemReader(f), ...assertion(f), ...authenticate(f), ...httpClient(f), ...REQUEST_TOKEN, ...CACHE],
      '    ',
    ),
    '}',
    '',
  ].join('\n');
}
