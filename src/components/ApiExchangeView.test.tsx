// The exchange view masks what PingOne echoes back: phones, emails, OTPs, secrets and the bearer token.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiExchange } from '../services/apiExchange';
import { ApiExchangeView, maskForView } from './ApiExchangeView';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6IiJ9.c2lnbmF0dXJlLXZhbHVlLWxvbmc';

const exchange = (over: Partial<ApiExchange> = {}): ApiExchange => ({
  method: 'POST',
  url: 'http://localhost:4500/v1/environments/env/users/u1/devices',
  requestHeaders: { Accept: 'application/json', Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
  requestBody: '{"type":"SMS","phone":"+14135550150"}',
  status: 201,
  responseBody: '{"id":"d1","type":"SMS","phone":"+14135550150","email":"jane.doe@example.com","otp":"123456","secret":"JBSWY3DP"}',
  durationMs: 42,
  attempt: 1,
  ...over,
});

describe('maskForView', () => {
  it('pretty-prints JSON and masks phone, email, OTP and secret members', () => {
    const out = maskForView(exchange().responseBody);
    expect(out).toContain('\n  "type": "SMS"');
    expect(out).toContain('+1•••••0150');
    expect(out).toContain('j•••@example.com');
    expect(out).not.toMatch(/4135550150|jane\.doe|123456|JBSWY3DP/);
  });

  it('keeps a cut-off snippet as text, still masked', () => {
    expect(maskForView('{"phone":"+14135550150", "na…')).toBe('{"phone":"+1•••••0150", "na…');
  });
});

describe('ApiExchangeView', () => {
  it('shows method, URL, status, duration, masked Authorization, and masked bodies', () => {
    render(<ApiExchangeView exchange={exchange()} />);
    const card = screen.getByRole('article', { name: 'POST /v1/environments/env/users/u1/devices — HTTP 201' });
    expect(card).toHaveTextContent('42 ms');
    const request = within(card).getByRole('region', { name: 'Request' });
    expect(request).toHaveTextContent('Authorization: Bearer eyJhbGciOi…[redacted]');
    expect(request).toHaveTextContent('+1•••••0150');
    expect(document.body.innerHTML).not.toContain(TOKEN);
    expect(document.body.innerHTML).not.toContain('4135550150');
    expect(within(card).getByRole('region', { name: 'Response' })).toHaveTextContent('"type": "SMS"');
  });

  it('says when no response came, with the reason', () => {
    render(<ApiExchangeView exchange={exchange({ status: 0, responseBody: '', error: 'Could not reach the PingOne API.' })} />);
    const card = screen.getByRole('article', { name: /No response/ });
    expect(card).toHaveTextContent('Could not reach the PingOne API.');
    expect(card).toHaveTextContent('(empty body)');
  });
});

describe('ApiExchangeView folding', () => {
  const long = JSON.stringify({ items: Array.from({ length: 30 }, (_, i) => ({ id: `item-${i}` })) });

  it('folds a long response to its first lines behind Show full response', async () => {
    const { default: userEvent } = await import('@testing-library/user-event');
    render(<ApiExchangeView exchange={exchange({ responseBody: long })} />);
    const response = screen.getByRole('region', { name: 'Response' });
    expect(response).toHaveTextContent('item-1');
    expect(response).not.toHaveTextContent('item-29');
    await userEvent.click(within(response).getByRole('button', { name: 'Show full response' }));
    expect(response).toHaveTextContent('item-29');
    expect(within(response).getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('shows a summary instead of a body the summary can digest', () => {
    render(<ApiExchangeView exchange={exchange({ responseBody: long })} summary={(x) => (x.status === 201 ? <p>30 items</p> : undefined)} />);
    const response = screen.getByRole('region', { name: 'Response' });
    expect(response).toHaveTextContent('30 items');
    expect(response).not.toHaveTextContent('item-1');
  });
});
