// The relay checkbox: its exact label, a /health check when ticked, and how to start a relay that is not running.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { setupMswServer } from '../../tests/support/msw';
import { ErrorCard } from './ErrorCard';
import { RelayToggle } from './RelayToggle';

const RELAY = 'http://localhost:4600';
const server = setupMswServer();

function Harness({ initial = false }: { initial?: boolean }) {
  const [checked, setChecked] = useState(initial);
  return <RelayToggle checked={checked} onChange={setChecked} relayUrl={RELAY} />;
}

describe('RelayToggle', () => {
  it('is labelled exactly "Send through the local relay" and asks nothing while unticked', () => {
    render(<Harness />);
    expect(screen.getByRole('checkbox', { name: 'Send through the local relay' })).not.toBeChecked();
  });

  it('checks /health when ticked and says the relay runs', async () => {
    server.use(http.get(`${RELAY}/health`, () => HttpResponse.json({ relay: true, version: '1.0.0' })));
    render(<Harness />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Send through the local relay' }));
    expect(await screen.findByText(/Relay running at http:\/\/localhost:4600 \(version 1\.0\.0\)/)).toBeInTheDocument();
  });

  it('says how to start the relay when nothing answers', async () => {
    server.use(http.get(`${RELAY}/health`, () => HttpResponse.error()));
    render(<Harness initial />);
    expect(await screen.findByText(/not running at http:\/\/localhost:4600/)).toHaveTextContent('npm run relay');
  });

  it('does not take another program on the port for the relay', async () => {
    server.use(http.get(`${RELAY}/health`, () => HttpResponse.json({ ok: true })));
    render(<Harness initial />);
    expect(await screen.findByText(/not running/)).toBeInTheDocument();
  });
});

describe('ErrorCard with the relay', () => {
  const toggle = <RelayToggle checked={false} onChange={() => undefined} relayUrl={RELAY} />;

  it('says "blocked by CORS", names the origin and offers the checkbox', () => {
    render(<ErrorCard error={{ code: 'CORS_BLOCKED', message: 'x', reachability: 'cors_blocked', origin: 'https://auth.example.com' }} relayControl={toggle} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Blocked by CORS: https://auth.example.com answers');
    expect(screen.getByRole('checkbox', { name: 'Send through the local relay' })).toBeInTheDocument();
  });

  it('says "unreachable" (not CORS) when the probe got no answer either', () => {
    render(<ErrorCard error={{ code: 'NETWORK', message: 'x', reachability: 'unreachable', origin: 'http://localhost:1' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing answered at http://localhost:1');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Blocked by CORS');
  });

  it('gives a relay that is not running its own card with the start command', () => {
    render(<ErrorCard error={{ code: 'RELAY_UNAVAILABLE', message: 'x', relayUrl: 'http://localhost:1' }} relayControl={toggle} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The local relay is not running at http://localhost:1');
    expect(alert).toHaveTextContent('npm run relay');
  });

  it('shows a TLS failure with its kind and code, and a hostile reason as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = render(
      <ErrorCard error={{ code: 'RELAY_UPSTREAM_ERROR', message: 'x', kind: 'tls', upstreamCode: 'CERT_HAS_EXPIRED', reason: hostile }} relayControl={toggle} />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('tls CERT_HAS_EXPIRED');
    expect(alert).toHaveTextContent('TLS handshake failed');
    expect(alert).toHaveTextContent(hostile);
    expect(container.querySelector('img')).toBeNull();
    // The relay already carried this request: ticking it again is not the fix.
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('lists a refusal reason as the cause', () => {
    render(<ErrorCard error={{ code: 'RELAY_REFUSED', message: 'x', reason: 'the target resolves to a private address' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('the target resolves to a private address');
  });
});
