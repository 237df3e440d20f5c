// The mTLS certificate fields: file references, or a pasted PEM handed to the relay once and then forgotten by the page.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { setupMswServer } from '../../tests/support/msw';
import { uploadRelayCredential, type RelayCredential } from '../services/relayAdmin';
import { isPlaygroundError } from '../utils/errors';
import { ClientCertificateFields } from './ClientCertificateFields';

const RELAY = 'http://localhost:4600';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIBcertificatebody\n-----END CERTIFICATE-----';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIGHsecretkeymaterial\n-----END PRIVATE KEY-----';
const server = setupMswServer();

function Harness() {
  const [refs, setRefs] = useState({ mtlsCertRef: '', mtlsKeyRef: '', mtlsCaRef: '' });
  const [credential, setCredential] = useState<RelayCredential | undefined>();
  // What the flow session does with a paste: hand it to the relay, keep the relay's description, say why not.
  const onUpload = async (pem: { cert: string; key: string; ca?: string }) => {
    try {
      setCredential(await uploadRelayCredential(RELAY, pem));
      return undefined;
    } catch (error) {
      return isPlaygroundError(error) ? error.message : 'failed';
    }
  };
  return (
    <ClientCertificateFields
      refs={refs} onRefChange={(f, v) => setRefs((r) => ({ ...r, [f]: v }))} credential={credential} onUpload={onUpload} onForget={() => setCredential(undefined)}
    />
  );
}

/** Opens the paste section and pastes the demo certificate and key, as a person would. */
async function pasteCertificateAndKey() {
  await userEvent.click(screen.getByText('Or paste a certificate and key'));
  await userEvent.click(screen.getByLabelText('Certificate (PEM)'));
  await userEvent.paste(CERT);
  await userEvent.click(screen.getByLabelText('Private key (PEM)'));
  await userEvent.paste(KEY);
}

describe('ClientCertificateFields', () => {
  it('says why mTLS needs the relay and takes file names', async () => {
    render(<Harness />);
    expect(screen.getByText(/cannot attach a client certificate from page script/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Client certificate file'), 'client.crt.pem');
    expect(screen.getByLabelText('Client certificate file')).toHaveValue('client.crt.pem');
  });

  it('hands a pasted certificate and key to the relay once, then keeps only what the relay said', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${RELAY}/credentials`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ credentialId: 'cred-1', subject: 'CN=demo', issuer: 'CN=demo CA', notAfter: '2027-01-01T00:00:00Z', x5tS256: 'thumb-1' }, { status: 201 });
      }),
    );
    const { container } = render(<Harness />);
    await pasteCertificateAndKey();
    expect(screen.getByLabelText('Private key (PEM)')).toHaveClass('pem-masked');
    await userEvent.click(screen.getByRole('button', { name: 'Hand to the relay' }));

    const held = await screen.findByRole('group', { name: 'Certificate held by the relay' });
    expect(held).toHaveTextContent('CN=demo');
    expect(held).toHaveTextContent('thumb-1');
    expect(bodies).toEqual([{ cert: CERT, key: KEY }]);
    // The key material is gone from the page: not in any field, not in the DOM.
    expect(container.innerHTML).not.toContain('secretkeymaterial');
    expect(container.innerHTML).not.toContain('certificatebody');
  });

  it('hands a pasted server CA along, so a server with a private CA can be reached (the sandbox\'s demo CA)', async () => {
    const bodies: unknown[] = [];
    const CA = '-----BEGIN CERTIFICATE-----\nMIIBdemoCAbody\n-----END CERTIFICATE-----';
    server.use(
      http.post(`${RELAY}/credentials`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ credentialId: 'cred-2', subject: 'CN=demo', issuer: 'CN=demo CA', notAfter: '2027-01-01T00:00:00Z', x5tS256: 'thumb-2' }, { status: 201 });
      }),
    );
    render(<Harness />);
    await pasteCertificateAndKey();
    await userEvent.click(screen.getByLabelText('Server CA (PEM, optional)'));
    await userEvent.paste(CA);
    await userEvent.click(screen.getByRole('button', { name: 'Hand to the relay' }));
    await screen.findByRole('group', { name: 'Certificate held by the relay' });
    expect(bodies).toEqual([{ cert: CERT, key: KEY, ca: CA }]);
  });

  it('says what the relay said about an expired certificate it kept, as text', async () => {
    server.use(
      http.post(`${RELAY}/credentials`, () =>
        HttpResponse.json({ credentialId: 'cred-3', subject: 'CN=old', issuer: 'CN=ca', notAfter: '2020-01-01T00:00:00Z', x5tS256: 't3', warning: 'the certificate expired on 2020-01-01T00:00:00.000Z: kept anyway <i>x</i>' }, { status: 201 })),
    );
    const { container } = render(<Harness />);
    await pasteCertificateAndKey();
    await userEvent.click(screen.getByRole('button', { name: 'Hand to the relay' }));
    const held = await screen.findByRole('group', { name: 'Certificate held by the relay' });
    expect(held).toHaveTextContent('the certificate expired on 2020-01-01');
    expect(container.querySelector('i')).toBeNull();
  });

  it('shows the relay’s refusal as text and keeps what was pasted', async () => {
    server.use(http.post(`${RELAY}/credentials`, () => HttpResponse.json({ error: 'relay_refused', reason: 'the key does not match the certificate <b>x</b>' }, { status: 400 })));
    const { container } = render(<Harness />);
    await pasteCertificateAndKey();
    await userEvent.click(screen.getByRole('button', { name: 'Hand to the relay' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('the key does not match the certificate <b>x</b>');
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByLabelText('Private key (PEM)')).toHaveValue(KEY);
  });
});
