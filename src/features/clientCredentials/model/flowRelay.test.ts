// The flow's relay and mTLS model: the request an mTLS method describes (client_id only, the mTLS alias, no
// secret in preview or cURL), the route it takes, its validation, and the relay box kept with the progress.
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../../utils/storage';
import { toCurl } from '../../../utils/oauth/curl';
import { DEFAULT_FLOW_FORM, validateFlowForm } from './flowFormSchema';
import { CC_FLOW_PROGRESS_KEY, createFlowPersistence } from './flowPersistence';
import { describeFlowRequest, flowRoute } from './flowRequest';
import type { FlowForm } from './flowTypes';

const RELAY = 'http://localhost:4600';
const TLS_FORM = {
  ...DEFAULT_FLOW_FORM,
  tokenEndpoint: 'http://localhost:4500/env/as/token',
  mtlsTokenEndpoint: 'https://localhost:4543/env/as/token',
  clientId: 'sandbox-tls',
  authMethod: 'tls_client_auth' as const,
  scopes: ['p1:read:device'],
  viaRelay: true,
  mtlsCertRef: 'DEMO-ONLY-sandbox-tls.crt.pem',
  mtlsKeyRef: 'DEMO-ONLY-sandbox-tls.key.pem',
  mtlsCaRef: 'DEMO-ONLY-sandbox-ca.pem',
};
// A secret typed earlier for another method must not travel with mTLS.
const CREDS = { secret: 'left-over-secret-value', relayUrl: RELAY };

describe('mTLS in the flow', () => {
  it('describes client_id only, at the mtls_endpoint_aliases token endpoint, with no secret in preview or cURL', async () => {
    const description = await describeFlowRequest(TLS_FORM, CREDS);
    expect(description.url).toBe('https://localhost:4543/env/as/token');
    expect(Object.fromEntries(new URLSearchParams(description.body))).toEqual({ grant_type: 'client_credentials', scope: 'p1:read:device', client_id: 'sandbox-tls' });
    expect(description.headers).not.toHaveProperty('Authorization');
    const curl = toCurl(description, { reveal: true });
    expect(curl).not.toContain('left-over-secret-value');
    expect(curl).toContain('https://localhost:4543/env/as/token');
  });

  it('routes through the relay with the certificate references, or the pasted credential instead', () => {
    expect(flowRoute(TLS_FORM, CREDS)).toEqual({
      url: RELAY,
      mtls: { certRef: TLS_FORM.mtlsCertRef, keyRef: TLS_FORM.mtlsKeyRef, caRef: TLS_FORM.mtlsCaRef },
    });
    const pasted = { ...CREDS, mtlsCredential: { credentialId: 'cred-1', x5tS256: 't' } };
    expect(flowRoute(TLS_FORM, pasted)).toEqual({ url: RELAY, mtls: { credentialId: 'cred-1', caRef: TLS_FORM.mtlsCaRef } });
    expect(flowRoute({ ...TLS_FORM, mtlsCaRef: '' }, pasted)).toEqual({ url: RELAY, mtls: { credentialId: 'cred-1' } });
    expect(flowRoute({ ...TLS_FORM, authMethod: 'client_secret_basic', viaRelay: false }, CREDS)).toBeUndefined();
  });

  it('asks for the relay and the certificate files in step 1', () => {
    const errors = validateFlowForm({ ...TLS_FORM, viaRelay: false, mtlsCertRef: '' }, { secret: '', hasKey: false });
    expect(errors.viaRelay).toMatch(/cannot attach a client certificate/);
    expect(errors.mtlsCertRef).toMatch(/PEM file/);
    expect(errors.clientSecret).toBeUndefined();
    expect(validateFlowForm({ ...TLS_FORM, mtlsCertRef: '' }, { secret: '', hasKey: false, hasMtlsCredential: true }).mtlsCertRef).toBeUndefined();
  });
});

describe('the relay box', () => {
  it('is kept with the progress like the other non-secret fields, and no PEM is among them', () => {
    const storage = createMemoryStorage();
    // A form that somehow carries a pasted PEM: only FlowForm's own fields may be written.
    const withPem = { ...TLS_FORM, certPem: '-----BEGIN CERTIFICATE-----x' } as FlowForm;
    createFlowPersistence(storage).save({ activeIndex: 0, form: withPem, sources: {} });
    expect(createFlowPersistence(storage).load()?.form).toMatchObject({ viaRelay: true, mtlsCertRef: TLS_FORM.mtlsCertRef });
    expect(storage.getItem(CC_FLOW_PROGRESS_KEY)).not.toContain('BEGIN');
    expect(storage.getItem(CC_FLOW_PROGRESS_KEY)).not.toContain('certPem');
  });
});
