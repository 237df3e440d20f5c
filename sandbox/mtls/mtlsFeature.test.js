// tls_client_auth_subject_dn matching (RFC 8705 §2.1.2, RFC 4514 string order) on a real demo certificate.
import { X509Certificate } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { createDemoCertificates } from './demoCertificates.js';
import { loadSubjectMatching, subjectMatches } from './mtlsFeature.js';

const ORG = 'OAuth M2M Playground DEMO-ONLY sandbox';
let certificate;

beforeAll(async () => {
  certificate = new X509Certificate((await createDemoCertificates()).tlsClient.certPem);
  await loadSubjectMatching();
});

describe('subjectMatches (tls_client_auth_subject_dn)', () => {
  it('reads the certificate subject in RFC 4514 order (the last RDN first)', () => {
    // node:crypto prints the RDN sequence in ASN.1 order, one per line: O first, then CN.
    expect(certificate.subject).toBe(`O=${ORG}\nCN=sandbox-tls`);
  });

  it.each([
    [`CN=sandbox-tls,O=${ORG}`],
    [`CN=sandbox-tls, O=${ORG}`],
  ])('matches %s', (dn) => {
    expect(subjectMatches(certificate, 'tls_client_auth_subject_dn', dn)).toBe(true);
  });

  it.each([
    ['the ASN.1 order', `O=${ORG},CN=sandbox-tls`],
    ['another CN', `CN=sandbox-self-signed-tls,O=${ORG}`],
    ['a missing RDN', 'CN=sandbox-tls'],
    ['an extra RDN', `CN=sandbox-tls,O=${ORG},C=US`],
    ['text that is not a DN', 'not a distinguished name'],
    ['attribute names it does not know', `cn=sandbox-tls,o=${ORG}`],
  ])('refuses %s', (_name, dn) => {
    expect(subjectMatches(certificate, 'tls_client_auth_subject_dn', dn)).toBe(false);
  });

  it('refuses without a certificate, and for properties no sandbox client registers', () => {
    expect(subjectMatches(undefined, 'tls_client_auth_subject_dn', `CN=sandbox-tls,O=${ORG}`)).toBe(false);
    expect(subjectMatches(certificate, 'tls_client_auth_san_dns', 'sandbox-tls')).toBe(false);
  });
});
