// The error card: role=alert, friendly heading, the OAuth error or HTTP status, and server text kept as text.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ErrorCard } from './ErrorCard';

describe('ErrorCard', () => {
  it('renders a hostile error_description literally (no img element is created)', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = render(
      <ErrorCard error={{ code: 'OAUTH_ERROR', message: 'x', status: 400, error: 'invalid_request', error_description: hostile }} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent(hostile);
  });

  it('explains invalid_client with its code, status and causes', () => {
    render(<ErrorCard error={{ code: 'OAUTH_ERROR', message: 'x', status: 401, error: 'invalid_client', error_description: 'client authentication failed' }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('We hit an issue');
    expect(alert).toHaveTextContent('invalid_client');
    expect(alert).toHaveTextContent('HTTP 401');
    expect(alert).toHaveTextContent('client authentication failed');
    expect(alert).toHaveTextContent(/wrong auth|authentication method/i);
    expect(alert).toHaveTextContent(/Try this/);
  });

  it('explains an empty-body 403 as rejected client credentials', () => {
    render(<ErrorCard error={{ code: 'CLIENT_AUTH_REJECTED', message: 'HTTP 403 with an empty body', status: 403 }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/the server rejected the client credentials/i);
    expect(alert).toHaveTextContent('HTTP 403');
  });

  it('shows HTTP 503 for a server failure', () => {
    render(<ErrorCard error={{ code: 'HTTP_STATUS', message: 'Service Unavailable', status: 503 }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('HTTP 503');
    expect(alert).toHaveTextContent(/retried/);
  });

  it('points at the sandbox and CORS for a network error', () => {
    render(<ErrorCard error={{ code: 'NETWORK', message: 'Failed to fetch' }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('NETWORK');
    expect(alert).toHaveTextContent('npm run sandbox');
    expect(alert).toHaveTextContent('CORS');
    expect(alert).toHaveTextContent('Failed to fetch');
  });
});

describe('ErrorCard with long or unusual server answers', () => {
  it('folds a 10 000-character error_description: the start, then a control that shows all of it as text', async () => {
    const long = `<b>start</b> ${'x'.repeat(10_000)} THE-END`;
    const { container } = render(
      <ErrorCard error={{ code: 'OAUTH_ERROR', message: 'x', status: 400, error: 'invalid_request', error_description: long }} />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('<b>start</b>');
    expect(alert).not.toHaveTextContent('THE-END');
    await userEvent.click(screen.getByRole('button', { name: /show all/i }));
    expect(alert).toHaveTextContent('THE-END');
    expect(container.querySelector('b')).toBeNull();
  });

  it('says a redirect was a redirect and never shows "HTTP 0"', () => {
    // status 0 is what an opaque redirect reports; it is no HTTP status and must not be shown as one.
    render(<ErrorCard error={{ code: 'REDIRECTED', message: 'The token endpoint redirected the request.', status: 0 }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/redirect/i);
    expect(alert).not.toHaveTextContent('HTTP 0');
  });
});
