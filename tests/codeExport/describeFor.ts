// A token request description built by the core with real credentials, as the playground builds it for step 2.
import { readFile } from 'node:fs/promises';
import type { AuthMethod } from '../../src/types/token';
import { importPrivateKeyPem } from '../../src/utils/keys';
import { buildClientCredentialsBody } from '../../src/utils/oauth/body';
import { clientSecretBasic, clientSecretJwt, clientSecretPost, privateKeyJwt, tlsClientAuth, type ClientAuth } from '../../src/utils/oauth/clientAuth';
import { describeClientCredentialsRequest, type RequestDescription } from '../../src/utils/oauth/description';
import type { X509HeaderParameters } from '../../src/utils/x509Thumbprint';

export interface DescribeForOptions {
  tokenEndpoint: string;
  issuer?: string;
  clientId: string;
  authMethod: AuthMethod;
  secret?: string | undefined;
  privateKeyFile?: string;
  scope?: string;
  audience?: string;
  resource?: string[];
  /** private_key_jwt with a certificate credential: the thumbprint header members its assertion carries. */
  x509?: X509HeaderParameters;
}

async function authFor(o: DescribeForOptions): Promise<ClientAuth> {
  const secret = o.secret ?? 'placeholder-secret';
  switch (o.authMethod) {
    case 'client_secret_basic':
      return clientSecretBasic(secret);
    case 'client_secret_post':
      return clientSecretPost(secret);
    case 'client_secret_jwt':
      return clientSecretJwt(secret);
    case 'private_key_jwt':
      return privateKeyJwt((await importPrivateKeyPem(await readFile(o.privateKeyFile!, 'utf8'), 'RS256')).privateKey, { alg: 'RS256', x509: o.x509 });
    default:
      return tlsClientAuth();
  }
}

export async function describeFor(o: DescribeForOptions): Promise<RequestDescription> {
  return describeClientCredentialsRequest({
    tokenEndpoint: o.tokenEndpoint,
    issuer: o.issuer,
    clientId: o.clientId,
    auth: await authFor(o),
    params: buildClientCredentialsBody({ scope: o.scope, audience: o.audience, resource: o.resource }),
  });
}
