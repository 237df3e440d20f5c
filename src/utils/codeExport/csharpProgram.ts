// A C# program (HttpClient, Microsoft.IdentityModel.JsonWebTokens for assertions) that caches its token.
import type { CodeExportInput } from './exportInput';
import { indent, quoted as q } from './literals';
import { audienceComment, CLIENT_ASSERTION_TYPE, headerLines, pascalHash, programFactsOf, SECRET_ENV, thumbprintComment, typComment, type ProgramFacts } from './programFacts';

/** A JWT method whose assertion carries no `typ`: JsonWebTokenHandler cannot make one (see {@link untypedJws}). */
function untyped(f: ProgramFacts): boolean {
  return f.jwt !== undefined && f.assertionTyp === null;
}

function usings(f: ProgramFacts): string[] {
  return [
    ...(f.certificate ? ['using System.Security.Cryptography.X509Certificates;'] : []),
    ...(f.privateKey ? ['using System.Security.Cryptography;'] : []),
    ...(f.authMethod === 'client_secret_basic' || f.jwt === 'client_secret_jwt' || untyped(f) ? ['using System.Text;'] : []),
    ...(untyped(f) ? ['using System.Text.Json;'] : []),
    'using System.Text.Json.Nodes;',
    ...(f.jwt ? ['using Microsoft.IdentityModel.JsonWebTokens;', 'using Microsoft.IdentityModel.Tokens;'] : []),
  ];
}

function constants(f: ProgramFacts): string[] {
  const lines = [
    `const string TokenEndpoint = ${q(f.url)};`,
    `const string ClientId = ${q(f.clientId)};`,
    `public static readonly TimeSpan RefreshBefore = TimeSpan.FromSeconds(${f.refreshBeforeSeconds});`,
    '// The request the playground showed, without its credentials.',
    'static readonly (string Name, string Value)[] Params =',
    '[',
    ...f.params.map(([n, v]) => `    (${q(n)}, ${q(v)}),`),
    '];',
    'static readonly (string Name, string Value)[] Headers =',
    '[',
    ...f.headers.map(([n, v]) => `    (${q(n)}, ${q(v)}),`),
    '];',
  ];
  if (f.jwt) lines.push(`const string AssertionAudience = ${q(f.assertionAudience ?? f.url)}; // ${audienceComment(f)}`, `const int AssertionLifetimeSeconds = ${f.lifetimeSeconds};`);
  if (f.privateKey) {
    lines.push(`const string PrivateKeyFile = ${q(f.privateKey.file)};`);
    if (f.privateKey.kid) lines.push(`const string KeyId = ${q(f.privateKey.kid)};`);
    for (const t of f.certificateThumbprints) lines.push(`const string CertThumbprint${pascalHash(t)} = ${q(t.value)}; // ${thumbprintComment(t)}`);
  }
  if (f.certificate) {
    lines.push(`const string ClientCertFile = ${q(f.certificate.certFile)};`, `const string ClientKeyFile = ${q(f.certificate.keyFile)};`);
    if (f.certificate.caFile) lines.push(`const string ServerCaFile = ${q(f.certificate.caFile)};`);
  }
  return lines;
}

const SECRET = [
  'static string ClientSecret() =>',
  `    Environment.GetEnvironmentVariable("${SECRET_ENV}") is { Length: > 0 } secret`,
  '        ? secret',
  `        : throw new InvalidOperationException("Set ${SECRET_ENV} to the client secret.");`,
  '',
];

function credentials(f: ProgramFacts): string {
  if (f.jwt === 'client_secret_jwt') return 'new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ClientSecret())), SecurityAlgorithms.HmacSha256)';
  const kid = f.privateKey?.kid ? ' { KeyId = KeyId }' : '';
  switch (f.privateKey!.alg) {
    case 'ES256':
      return `new SigningCredentials(new ECDsaSecurityKey(ecdsa)${kid}, SecurityAlgorithms.EcdsaSha256)`;
    case 'PS256':
      return `new SigningCredentials(new RsaSecurityKey(rsa)${kid}, SecurityAlgorithms.RsaSsaPssSha256)`;
    default:
      return `new SigningCredentials(new RsaSecurityKey(rsa)${kid}, SecurityAlgorithms.RsaSha256)`;
  }
}

/** `["x5t#S256"] = CertThumbprintSha256`, … for the header dictionaries. */
function thumbprintEntries(f: ProgramFacts): string[] {
  return f.certificateThumbprints.map((t) => `[${q(t.member)}] = CertThumbprint${pascalHash(t)}`);
}

const HS256_NOTE = '// HS256 wants a secret of at least 256 bits (RFC 7518 §3.2); IdentityModel refuses shorter ones (IDX10720).';

/** The assertion through JsonWebTokenHandler, with `TokenType` as the header's `typ`. */
function handlerJws(f: ProgramFacts, typ: string): string[] {
  return [
    'var now = DateTime.UtcNow;',
    'return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor',
    '{',
    `    // ${typComment(f)}`,
    `    TokenType = ${q(typ)},`,
    '    Issuer = ClientId,',
    '    Audience = AssertionAudience,',
    '    Claims = new Dictionary<string, object> { ["sub"] = ClientId, ["jti"] = Guid.NewGuid().ToString() },',
    '    IssuedAt = now,',
    '    NotBefore = now,',
    '    Expires = now.AddSeconds(AssertionLifetimeSeconds),',
    ...(f.jwt === 'client_secret_jwt' ? [`    ${HS256_NOTE}`] : []),
    `    SigningCredentials = ${credentials(f)},`,
    ...(f.certificateThumbprints.length > 0 ? [`    AdditionalHeaderClaims = new Dictionary<string, object> { ${thumbprintEntries(f).join(', ')} },`] : []),
    '});',
  ];
}

/**
 * An assertion without `typ`, put together by hand: JsonWebTokenHandler's WriteJwsHeader always writes `typ` (`JWT`
 * when TokenType is empty), so the header and claims are serialised here and signed by the same IdentityModel
 * signature provider the handler uses.
 * @see https://github.com/AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet/blob/dev/src/Microsoft.IdentityModel.JsonWebTokens/JsonWebTokenHandler.CreateToken.cs
 */
function untypedJws(f: ProgramFacts): string[] {
  const kid = (f.privateKey?.kid ? ', ["kid"] = KeyId' : '') + thumbprintEntries(f).map((e) => `, ${e}`).join('');
  return [
    'var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();',
    ...(f.jwt === 'client_secret_jwt' ? [HS256_NOTE] : []),
    `var credentials = ${credentials(f)};`,
    `// ${typComment(f)}`,
    '// JsonWebTokenHandler always writes a typ header, so this JWS is put together here.',
    `var header = new Dictionary<string, object> { ["alg"] = credentials.Algorithm${kid} };`,
    'var claims = new Dictionary<string, object> { ["iss"] = ClientId, ["sub"] = ClientId, ["aud"] = AssertionAudience, ["jti"] = Guid.NewGuid().ToString(), ["iat"] = now, ["exp"] = now + AssertionLifetimeSeconds };',
    'var signingInput = Base64UrlEncoder.Encode(JsonSerializer.Serialize(header)) + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims));',
    'var signature = CryptoProviderFactory.Default.CreateForSigning(credentials.Key, credentials.Algorithm).Sign(Encoding.ASCII.GetBytes(signingInput));',
    'return signingInput + "." + Base64UrlEncoder.Encode(signature);',
  ];
}

function assertion(f: ProgramFacts): string[] {
  if (!f.jwt) return [];
  const keyLines = !f.privateKey
    ? []
    : f.privateKey.alg === 'ES256'
      ? ['using var ecdsa = ECDsa.Create();', 'ecdsa.ImportFromPem(File.ReadAllText(PrivateKeyFile));']
      : ['using var rsa = RSA.Create();', 'rsa.ImportFromPem(File.ReadAllText(PrivateKeyFile));'];
  return [
    '// A fresh assertion per request: iss = sub = client_id, a new jti, a short exp (RFC 7523 §3).',
    'static string SignAssertion()',
    '{',
    ...indent([...keyLines, ...(f.assertionTyp === null ? untypedJws(f) : handlerJws(f, f.assertionTyp))], '    '),
    '}',
    '',
  ];
}

function authenticate(f: ProgramFacts): string[] {
  let body: string[];
  switch (f.authMethod) {
    case 'client_secret_basic':
      body = [
        '// RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.',
        'var credentials = $"{Uri.EscapeDataString(ClientId)}:{Uri.EscapeDataString(ClientSecret())}".Replace("%20", "+");',
        'request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));',
      ];
      break;
    case 'client_secret_post':
      body = ['form.Add(new("client_id", ClientId));', 'form.Add(new("client_secret", ClientSecret()));'];
      break;
    case 'private_key_jwt':
    case 'client_secret_jwt':
      body = ['form.Add(new("client_id", ClientId));', `form.Add(new("client_assertion_type", ${q(CLIENT_ASSERTION_TYPE)}));`, 'form.Add(new("client_assertion", SignAssertion()));'];
      break;
    default:
      body = ['// The client certificate in the TLS handshake is the credential (RFC 8705 §2).', 'form.Add(new("client_id", ClientId));'];
  }
  return ['// Adds the client authentication to one request.', 'static void Authenticate(List<KeyValuePair<string, string>> form, HttpRequestMessage request)', '{', ...indent(body, '    '), '}', ''];
}

function handler(f: ProgramFacts): string[] {
  if (!f.certificate) return ['// Redirects are not followed: credentials must not go to another URL.', 'static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(15) };', ''];
  const ca = f.certificate.caFile
    ? [
        '    // Trust the server CA from its file (in addition to nothing else: a private CA).',
        '    ServerCertificateCustomValidationCallback = (_, cert, chain, errors) =>',
        '    {',
        '        if (cert is null || chain is null) return false;',
        '        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;',
        '        chain.ChainPolicy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(File.ReadAllText(ServerCaFile)));',
        '        return chain.Build(cert) && (errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) == 0;',
        '    },',
      ]
    : [];
  return [
    '// Presents the client certificate (RFC 8705) and does not follow redirects. The PKCS#12 round trip lets',
    '// Windows use a key loaded from PEM.',
    'static readonly HttpClient Http = new(new HttpClientHandler',
    '{',
    '    AllowAutoRedirect = false,',
    '    ClientCertificates = { new X509Certificate2(X509Certificate2.CreateFromPemFile(ClientCertFile, ClientKeyFile).Export(X509ContentType.Pkcs12)) },',
    ...ca,
    '}) { Timeout = TimeSpan.FromSeconds(15) };',
    '',
  ];
}

const REQUEST_TOKEN = [
  '// Sends one token request and returns the response with expires_at (RFC 6749 §5.1).',
  'internal static async Task<(JsonObject Token, DateTimeOffset ExpiresAt)> RequestToken()',
  '{',
  '    var form = new List<KeyValuePair<string, string>>(Params.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));',
  '    using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint);',
  '    foreach (var (name, value) in Headers) request.Headers.TryAddWithoutValidation(name, value);',
  '    Authenticate(form, request);',
  '    request.Content = new FormUrlEncodedContent(form);',
  '    using var response = await Http.SendAsync(request);',
  '    var text = await response.Content.ReadAsStringAsync();',
  '    JsonObject? json = null;',
  '    try { json = JsonNode.Parse(text) as JsonObject; } catch (System.Text.Json.JsonException) { }',
  '    if ((int)response.StatusCode != 200 || json?["access_token"] is null)',
  '        throw new InvalidOperationException($"The token endpoint answered HTTP {(int)response.StatusCode} ({json?["error"]}: {json?["error_description"]}).");',
  '    var expiresAt = DateTimeOffset.UtcNow.AddSeconds(json["expires_in"]?.GetValue<double>() ?? 0);',
  '    json["expires_at"] = expiresAt.ToUnixTimeSeconds();',
  '    return (json, expiresAt);',
  '}',
];

const CACHE = [
  '// The token, reused until RefreshBefore its expiry; the semaphore makes callers share one request.',
  'sealed class TokenCache',
  '{',
  '    readonly SemaphoreSlim gate = new(1, 1);',
  '    JsonObject? token;',
  '    DateTimeOffset expiresAt;',
  '',
  '    public async Task<JsonObject> Get()',
  '    {',
  '        await gate.WaitAsync();',
  '        try',
  '        {',
  '            var now = DateTimeOffset.UtcNow;',
  '            if (token is not null && now < expiresAt - Program.RefreshBefore) return token;',
  '            try',
  '            {',
  '                (token, expiresAt) = await Program.RequestToken();',
  '            }',
  '            catch when (token is not null && now < expiresAt)',
  '            {',
  '                // A failed refresh keeps a token that is still valid.',
  '            }',
  '            return token!;',
  '        }',
  '        finally',
  '        {',
  '            gate.Release();',
  '        }',
  '    }',
  '}',
];

/** The C# program for the described request (`dotnet run`, .NET 8). */
export function toCsharpProgram(input: CodeExportInput): string {
  const f = programFactsOf(input);
  const needs = f.jwt ? '.NET 8 SDK, `dotnet new console && dotnet add package Microsoft.IdentityModel.JsonWebTokens`' : '.NET 8 SDK, `dotnet new console`';
  const dpopNote = f.dpop
    ? ['DPoP (RFC 9449) is not generated for C#: Microsoft.IdentityModel has no DPoP proof builder. This program', 'asks for a Bearer token; export Node or Python for a DPoP-bound one.']
    : [];
  return [
    ...[...headerLines(f, 'dotnet run', needs), ...dpopNote].map((line) => `// ${line}`),
    ...usings(f),
    '',
    'var tokens = new TokenCache();',
    'Console.WriteLine((await tokens.Get()).ToJsonString());',
    '',
    'partial class Program',
    '{',
    ...indent([...constants(f), '', ...(f.usesSecret ? SECRET : []), ...assertion(f), ...authenticate(f), ...handler(f), ...REQUEST_TOKEN], '    '),
    '}',
    '',
    ...CACHE,
    '',
  ].join('\n');
}
