// The sequence diagram as a user meets it: the text alternative in order, selection, keys, the fold, the download.
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SequenceDiagram, type DiagramExchange } from './SequenceDiagram';
import type { ApiExchange } from '../services/apiExchange';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6IiJ9.c2lnbmF0dXJlLXZhbHVlLWxvbmc';

const deviceCall = (over: Partial<ApiExchange> = {}): ApiExchange => ({
  method: 'GET',
  url: 'http://localhost:4500/v1/environments/env/users/u1/devices',
  requestHeaders: { Authorization: `Bearer ${TOKEN}` },
  status: 403,
  responseBody: '{"code":"ACCESS_FAILED","phone":"+14135550150"}',
  durationMs: 12,
  attempt: 1,
  ...over,
});

const run: DiagramExchange[] = [
  { id: '1', to: 'token', label: 'POST /as/token client_secret_basic', status: 503, attempt: 1, waitMs: 1000, retryAfter: true },
  { id: '2', to: 'token', label: 'POST /as/token client_secret_basic', status: 503, attempt: 2, waitMs: 250 },
  { id: '3', to: 'token', label: 'POST /as/token client_secret_basic', status: 200, attempt: 3 },
  { id: '4', to: 'api', label: 'GET /users/u1/devices', status: 403, hint: 'needs p1:read:device', detail: deviceCall() },
];

const textAlternative = () => within(screen.getByRole('list', { name: 'Exchanges in order' })).getAllByRole('listitem').map((li) => li.textContent);
const arrows = () => within(screen.getByRole('group', { name: 'Exchanges' })).getAllByRole('button');

describe('SequenceDiagram', () => {
  it('is a figure named Sequence diagram whose text alternative lists the exchanges in order', () => {
    render(<SequenceDiagram exchanges={run} apiLabel="PingOne API" />);
    expect(screen.getByRole('figure', { name: 'Sequence diagram' })).toBeInTheDocument();
    expect(textAlternative()).toEqual([
      'Playground → Token endpoint: POST /as/token client_secret_basic — HTTP 503, waited 1 s (Retry-After)',
      'Playground → Token endpoint: POST /as/token client_secret_basic — HTTP 503, attempt 2, waited 250 ms (backoff)',
      'Playground → Token endpoint: POST /as/token client_secret_basic — HTTP 200, attempt 3',
      'Playground → PingOne API: GET /users/u1/devices — HTTP 403, hint: needs p1:read:device',
    ]);
  });

  it('draws 4xx/5xx answers in the error colour and 2xx in the success colour', () => {
    render(<SequenceDiagram exchanges={run} apiLabel="PingOne API" />);
    const tones = arrows().map((a) => a.getAttribute('data-tone'));
    expect(tones).toEqual(['error', 'error', 'ok', 'error']);
    expect(arrows()[0]?.querySelector('text[font-weight="600"]')?.getAttribute('fill')).toBe('#dc2626');
    expect(arrows()[2]?.querySelector('text[font-weight="600"]')?.getAttribute('fill')).toBe('#059669');
  });

  it('shows the selected exchange’s request and response through the masked view', async () => {
    render(<SequenceDiagram exchanges={run} apiLabel="PingOne API" />);
    expect(screen.queryByRole('region', { name: 'Selected exchange' })).toBeNull();
    await userEvent.click(arrows()[3] as Element);
    const detail = screen.getByRole('region', { name: 'Selected exchange' });
    expect(within(detail).getByRole('article', { name: /GET .*devices — HTTP 403/ })).toBeInTheDocument();
    expect(detail.textContent).not.toContain(TOKEN);
    expect(detail.textContent).not.toContain('4135550150');
    expect(arrows()[3]).toHaveAttribute('aria-pressed', 'true');
  });

  it('is one tab stop; arrow keys move between arrows and Enter selects', async () => {
    render(<SequenceDiagram exchanges={run} apiLabel="PingOne API" />);
    expect(arrows().map((a) => a.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1']);
    arrows()[0]?.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(arrows()[2]);
    expect(arrows()[2]).toHaveAttribute('tabindex', '0');
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('region', { name: 'Selected exchange' }).textContent).toContain('HTTP 200, attempt 3');
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(arrows()[3]);
    await userEvent.keyboard('{Home}{ArrowUp}');
    expect(document.activeElement).toBe(arrows()[0]);
  });

  it('folds the oldest of 200 exchanges and still lists them all as text', async () => {
    const many: DiagramExchange[] = Array.from({ length: 200 }, (_, i) => ({ id: String(i), to: 'token', label: `POST /as/token #${i}`, status: 503, attempt: i + 1 }));
    render(<SequenceDiagram exchanges={many} apiLabel="API" visibleLimit={24} />);
    expect(arrows()).toHaveLength(24);
    expect(arrows()[0]?.getAttribute('aria-label')).toContain('#176');
    expect(textAlternative()).toHaveLength(200);
    await userEvent.click(screen.getByRole('button', { name: '176 earlier exchanges' }));
    expect(arrows()).toHaveLength(200);
    await userEvent.click(screen.getByRole('button', { name: 'Fold earlier exchanges' }));
    expect(arrows()).toHaveLength(24);
  });

  it('downloads the drawing as SVG: labels and statuses, never a token or personal data', () => {
    const download = vi.fn<(name: string, svg: string) => void>();
    render(<SequenceDiagram exchanges={run} apiLabel="PingOne API" download={download} />);
    fireEvent.click(arrows()[3] as Element);
    fireEvent.click(screen.getByRole('button', { name: 'Download diagram (SVG)' }));
    const [name, svg] = download.mock.calls[0] ?? [];
    expect(name).toMatch(/^sequence-diagram-.*\.svg$/);
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('POST /as/token client_secret_basic');
    expect(svg).toContain('HTTP 403');
    expect(svg).toContain('PingOne API');
    expect(svg).not.toMatch(/tabindex|role=|aria-pressed/);
    expect(svg).not.toContain(TOKEN);
    expect(svg).not.toContain('4135550150');
  });

  it('renders hostile labels as text', () => {
    render(<SequenceDiagram exchanges={[{ id: 'x', to: 'api', label: '<img src=x onerror=alert(1)>', status: 200 }]} apiLabel="API" />);
    expect(document.querySelector('img')).toBeNull();
    expect(textAlternative()[0]).toContain('<img src=x onerror=alert(1)>');
  });
});
