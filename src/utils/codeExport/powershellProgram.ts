// A PowerShell 7 script (Invoke-WebRequest, .NET cryptography for assertions) that caches its token.
import type { CodeExportInput } from './exportInput';
import { indent, powershellQuoted as q } from './literals';
import { audienceComment, CLIENT_ASSERTION_TYPE, headerLines, pascalHash, programFactsOf, SECRET_ENV, thumbprintComment, typComment, type ProgramFacts } from './programFacts';

function constants(f: ProgramFacts): string[] {
  const lines = [
    `$TokenEndpoint = ${q(f.url)}`,
    `$ClientId = ${q(f.clientId)}`,
    '# The request the playground showed, without its credentials.',
    '$Params = @(',
    ...f.params.map(([n, v]) => `    @{ Name = ${q(n)}; Value = ${q(v)} }`),
    ')',
    `$RequestHeaders = @{ ${f.headers.map(([n, v]) => `${q(n)} = ${q(v)}`).join('; ')} }`,
    `$RefreshBeforeSeconds = ${f.refreshBeforeSeconds}`,
  ];
  if (f.jwt) lines.push(`$AssertionAudience = ${q(f.assertionAudience ?? f.url)} # ${audienceComment(f)}`, `$AssertionLifetimeSeconds = ${f.lifetimeSeconds}`);
  if (f.privateKey) {
    lines.push(`$PrivateKeyFile = ${q(f.privateKey.file)}`);
    if (f.privateKey.kid) lines.push(`$KeyId = ${q(f.privateKey.kid)}`);
    for (const t of f.certificateThumbprints) lines.push(`$CertThumbprint${pascalHash(t)} = ${q(t.value)} # ${thumbprintComment(t)}`);
  }
  if (f.certificate) lines.push(`$ClientCertFile = ${q(f.certificate.certFile)}`, `$ClientKeyFile = ${q(f.certificate.keyFile)}`);
  return lines;
}

const SECRET = [
  'function Get-ClientSecret {',
  `    $secret = $env:${SECRET_ENV}`,
  `    if (-not $secret) { throw 'Set ${SECRET_ENV} to the client secret.' }`,
  '    $secret',
  '}',
  '',
];

const HELPERS = [
  '# application/x-www-form-urlencoded, space as + (RFC 6749 Appendix B).',
  'function ConvertTo-FormValue([string] $Value) { [System.Net.WebUtility]::UrlEncode($Value) }',
  '',
];

/** How the signing input is signed: HMAC with the secret, or the PEM key through .NET (IEEE P1363 for ECDSA, as JWS wants). */
function signature(f: ProgramFacts): string[] {
  if (f.jwt === 'client_secret_jwt') {
    return ['$hmac = [Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes((Get-ClientSecret)))', '$signature = $hmac.ComputeHash($bytes)'];
  }
  const alg = f.privateKey!.alg;
  if (alg === 'ES256') {
    return [
      '$ecdsa = [Security.Cryptography.ECDsa]::Create()',
      '$ecdsa.ImportFromPem((Get-Content -Raw $PrivateKeyFile))',
      '# .NET returns r || s (IEEE P1363), the form JWS wants (RFC 7518 §3.4).',
      '$signature = $ecdsa.SignData($bytes, [Security.Cryptography.HashAlgorithmName]::SHA256)',
    ];
  }
  const padding = alg === 'PS256' ? 'Pss' : 'Pkcs1';
  return [
    '$rsa = [Security.Cryptography.RSA]::Create()',
    '$rsa.ImportFromPem((Get-Content -Raw $PrivateKeyFile))',
    `$signature = $rsa.SignData($bytes, [Security.Cryptography.HashAlgorithmName]::SHA256, [Security.Cryptography.RSASignaturePadding]::${padding})`,
  ];
}

function assertion(f: ProgramFacts): string[] {
  if (!f.jwt) return [];
  const alg = f.jwt === 'client_secret_jwt' ? 'HS256' : f.privateKey!.alg;
  const kid = (f.privateKey?.kid ? '; kid = $KeyId' : '') + f.certificateThumbprints.map((t) => `; ${q(t.member)} = $CertThumbprint${pascalHash(t)}`).join('');
  // The header is this script's own hashtable: it has a typ entry exactly when one is wanted.
  const typ = f.assertionTyp === null ? '' : `; typ = ${q(f.assertionTyp)}`;
  return [
    'function ConvertTo-Base64Url([byte[]] $Bytes) { [Convert]::ToBase64String($Bytes).TrimEnd(\'=\').Replace(\'+\', \'-\').Replace(\'/\', \'_\') }',
    '',
    '# A fresh assertion per request: iss = sub = client_id, a new jti, a short exp (RFC 7523 §3).',
    'function New-ClientAssertion {',
    ...indent(
      [
        '$now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()',
        `# ${typComment(f)}`,
        `$header = [ordered]@{ alg = '${alg}'${typ}${kid} } | ConvertTo-Json -Compress`,
        '$claims = [ordered]@{ iss = $ClientId; sub = $ClientId; aud = $AssertionAudience; jti = [guid]::NewGuid().ToString(); iat = $now; exp = $now + $AssertionLifetimeSeconds } | ConvertTo-Json -Compress',
        '$signingInput = (ConvertTo-Base64Url ([Text.Encoding]::UTF8.GetBytes($header))) + \'.\' + (ConvertTo-Base64Url ([Text.Encoding]::UTF8.GetBytes($claims)))',
        '$bytes = [Text.Encoding]::ASCII.GetBytes($signingInput)',
        ...signature(f),
        '"$signingInput." + (ConvertTo-Base64Url $signature)',
      ],
      '    ',
    ),
    '}',
    '',
  ];
}

function authenticate(f: ProgramFacts): string[] {
  switch (f.authMethod) {
    case 'client_secret_basic':
      return [
        '# RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.',
        '$credentials = (ConvertTo-FormValue $ClientId) + \':\' + (ConvertTo-FormValue (Get-ClientSecret))',
        "$headers['Authorization'] = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($credentials))",
      ];
    case 'client_secret_post':
      return ["$form += @{ Name = 'client_id'; Value = $ClientId }", "$form += @{ Name = 'client_secret'; Value = (Get-ClientSecret) }"];
    case 'private_key_jwt':
    case 'client_secret_jwt':
      return [
        "$form += @{ Name = 'client_id'; Value = $ClientId }",
        `$form += @{ Name = 'client_assertion_type'; Value = ${q(CLIENT_ASSERTION_TYPE)} }`,
        "$form += @{ Name = 'client_assertion'; Value = (New-ClientAssertion) }",
      ];
    default:
      return ['# The client certificate in the TLS handshake is the credential (RFC 8705 §2).', "$form += @{ Name = 'client_id'; Value = $ClientId }"];
  }
}

function requestToken(f: ProgramFacts): string[] {
  const certificate = f.certificate ? ' -Certificate ([Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPemFile($ClientCertFile, $ClientKeyFile))' : '';
  return [
    '# Sends one token request and returns the response with expires_at (RFC 6749 §5.1); redirects are not followed.',
    'function Request-Token {',
    ...indent(
      [
        '$form = @($Params)',
        '$headers = @{} + $RequestHeaders',
        ...authenticate(f),
        "$body = ($form | ForEach-Object { (ConvertTo-FormValue $_.Name) + '=' + (ConvertTo-FormValue $_.Value) }) -join '&'",
        `$response = Invoke-WebRequest -Uri $TokenEndpoint -Method Post -Headers $headers -Body $body -ContentType 'application/x-www-form-urlencoded' -MaximumRedirection 0 -SkipHttpErrorCheck -TimeoutSec 15${certificate}`,
        'try { $json = $response.Content | ConvertFrom-Json -AsHashtable } catch { $json = @{} }',
        'if ($response.StatusCode -ne 200 -or $json.access_token -isnot [string]) {',
        '    throw "The token endpoint answered HTTP $($response.StatusCode) ($($json.error): $($json.error_description))."',
        '}',
        "$json['expires_at'] = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() + [long]$json.expires_in",
        '$json',
      ],
      '    ',
    ),
    '}',
    '',
  ];
}

const CACHE = [
  '# The token, reused until $RefreshBeforeSeconds before it expires.',
  '$script:CachedToken = $null',
  'function Get-Token {',
  '    $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()',
  '    if ($script:CachedToken -and $now -lt $script:CachedToken.expires_at - $RefreshBeforeSeconds) { return $script:CachedToken }',
  '    try { $script:CachedToken = Request-Token }',
  '    catch {',
  '        # A failed refresh keeps a token that is still valid.',
  '        if ($script:CachedToken -and $now -lt $script:CachedToken.expires_at) { return $script:CachedToken }',
  '        throw',
  '    }',
  '    $script:CachedToken',
  '}',
  '',
  'Get-Token | ConvertTo-Json -Compress',
];

/** The PowerShell 7 script for the described request (`pwsh ./token.ps1`). */
export function toPowershellProgram(input: CodeExportInput): string {
  const f = programFactsOf(input);
  const notes = [
    ...(f.certificate?.caFile ? ['Invoke-WebRequest has no per-request CA: the server CA must be trusted by this machine.'] : []),
    ...(f.dpop ? ['DPoP (RFC 9449) is not generated for PowerShell. This script asks for a Bearer token; export Node or', 'Python for a DPoP-bound one.'] : []),
  ];
  return [
    ...[...headerLines(f, 'pwsh ./token.ps1', 'PowerShell 7.1+ (for .NET ImportFromPem and -SkipHttpErrorCheck)'), ...notes].map((line) => `# ${line}`),
    '#Requires -Version 7.1',
    "$ErrorActionPreference = 'Stop'",
    '',
    ...constants(f),
    '',
    ...(f.usesSecret ? SECRET : []),
    ...HELPERS,
    ...assertion(f),
    ...requestToken(f),
    ...CACHE,
    '',
  ].join('\n');
}
