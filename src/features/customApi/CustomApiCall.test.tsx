// The custom bearer call: URL and JSON checked before sending; status and body shown; the token only in the header.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { setupMswServer } from '../../../tests/support/msw';
import { CUSTOM_SNIPPET_LENGTH, sendBearerRequest } from '../../services/customApiCall';
import { CustomApiCall } from './CustomApiCall';
import { ExchangeSinkContext } from '../../contexts/ExchangeSinkContext';
import type { ApiExchange } from '../../services/apiExchange';
import { effects, provideEffects } from '../../utils/effects';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6ImEifQ.c2lnbmF0dXJlLXZhbHVl';
const server = setupMswServer();
const seen: Array<{ method: string; url: string; auth: string | null; body: string }> = [];
afterEach(() => {
  seen.length = 0;
});

function api() {
  server.use(
    http.all('https://api.example.com/*', async ({ request }) => {
      seen.push({ method: request.method, url: request.url, auth: request.headers.get('authorization'), body: await request.text() });
      if (request.url.endsWith('/forbidden')) return HttpResponse.json({ error: 'insufficient_scope' }, { status: 403 });
      return HttpResponse.json({ ok: true, echo: request.method });
    }),
  );
}

describe('sendBearerRequest', () => {
  it('sends the token as a Bearer header and reports the exchange with it masked', async () => {
    api();
    const x = await sendBearerRequest({ method: 'POST', url: 'https://api.example.com/items', body: '{"a":1}', accessToken: TOKEN });
    expect(seen[0]).toEqual({ method: 'POST', url: 'https://api.example.com/items', auth: `Bearer ${TOKEN}`, body: '{"a":1}' });
    expect(x.status).toBe(200);
    expect(x.requestHeaders.Authorization).not.toContain(TOKEN);
    expect(JSON.parse(x.responseBody)).toEqual({ ok: true, echo: 'POST' });
  });

  it('sends a large body whole but keeps only a snippet of it in the exchange the view lays out', async () => {
    api();
    const body = JSON.stringify({ big: 'Z'.repeat(200_000) });
    const x = await sendBearerRequest({ method: 'POST', url: 'https://api.example.com/items', body, accessToken: TOKEN });
    expect(seen[0]?.body).toBe(body);
    expect(x.requestBody?.length).toBeLessThanOrEqual(CUSTOM_SNIPPET_LENGTH);
    expect(x.requestBody?.endsWith('…')).toBe(true);
  });

  it('returns HTTP errors as results, and a network failure as status 0 with a reason', async () => {
    api();
    await expect(sendBearerRequest({ method: 'GET', url: 'https://api.example.com/forbidden', accessToken: TOKEN })).resolves.toMatchObject({ status: 403 });
    server.use(http.get('https://down.example.com/x', () => HttpResponse.error()));
    const down = await sendBearerRequest({ method: 'GET', url: 'https://down.example.com/x', accessToken: TOKEN });
    expect(down).toMatchObject({ status: 0, error: expect.stringMatching(/CORS/) });
  });
});

/**
 * jsdom lays nothing out and has no Range.getClientRects, which CodeMirror's selection layer measures with. Empty
 * rectangles stand in: these tests check the form's glue (text in and out, field error, re-renders, keys), the
 * layout itself is measured in Chromium (bench/bodyTyping.bench.ts, e2e/customApiBody.spec.ts).
 */
Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();

/** Chooses POST and waits for the body editor (its own chunk): CodeMirror's editable element, named by the label. */
async function openBody(user: UserEvent): Promise<HTMLElement> {
  await user.selectOptions(screen.getByLabelText('Method'), 'POST');
  return screen.findByRole('textbox', { name: 'Request body (JSON)' });
}

/** Types at the end of the body, as a user who clicked in and pressed Ctrl+End (jsdom cannot place a click's caret). */
async function typeAtEnd(user: UserEvent, body: HTMLElement, text: string): Promise<void> {
  await user.click(body);
  await user.keyboard('{Control>}{End}{/Control}');
  await user.type(body, text, { skipClick: true });
}

/** The body's text as the editor shows it: one `.cm-line` per line. */
function bodyText(body: HTMLElement): string {
  return [...body.querySelectorAll('.cm-line')].map((line) => line.textContent).join('\n');
}

describe('CustomApiCall', () => {
  it.each([
    ['not a url', /absolute URL/],
    ['http://api.example.com/items', /https/],
    ['javascript:alert(1)', /scheme is not allowed/],
  ])('refuses the URL %s with a field error and sends nothing', async (url, message) => {
    api();
    const user = userEvent.setup();
    render(<CustomApiCall accessToken={TOKEN} />);
    await user.type(screen.getByLabelText('URL'), url);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(screen.getByLabelText('URL')).toHaveAccessibleDescription(message));
    expect(seen).toEqual([]);
  });

  it('refuses a POST body that is not JSON, next to the body editor', async () => {
    api();
    const user = userEvent.setup();
    render(<CustomApiCall accessToken={TOKEN} defaultUrl="https://api.example.com/items" />);
    const body = await openBody(user);
    await typeAtEnd(user, body, '{{not json');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(body).toHaveAccessibleDescription(/valid JSON/));
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(bodyText(body)).toBe('{not json');
    expect(seen).toEqual([]);
  });

  it('sends a GET and shows the status and body, never the token', async () => {
    api();
    const user = userEvent.setup();
    render(<CustomApiCall accessToken={TOKEN} defaultUrl="https://api.example.com/forbidden" />);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    const card = await screen.findByRole('article', { name: 'GET /forbidden — HTTP 403' });
    expect(card).toHaveTextContent('insufficient_scope');
    expect(seen[0]?.auth).toBe(`Bearer ${TOKEN}`);
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('renders the busy state in the click’s task and hands the request to fetch in the next one', async () => {
    // A 1 MB body costs Chromium's fetch() 10–20 ms to take; in the click's task with the render and its layout that
    // made a task of over 50 ms (bench/bodyTyping.bench.ts).
    api();
    const real = effects().fetch;
    const calls: string[] = [];
    const restore = provideEffects({ fetch: (input, init) => (calls.push(String(input)), real(input, init)) });
    try {
      render(<CustomApiCall accessToken={TOKEN} defaultUrl="https://api.example.com/items" />);
      const send = screen.getByRole('button', { name: 'Send request' });
      fireEvent.click(send);
      expect(send).toBeDisabled();
      expect(calls).toEqual([]);
      expect(await screen.findByRole('article', { name: 'GET /items — HTTP 200' })).toBeInTheDocument();
      expect(calls).toEqual(['https://api.example.com/items']);
    } finally {
      restore();
    }
  });

  it('hands the call to the page’s exchange sink (the sequence diagram), the token masked', async () => {
    api();
    const user = userEvent.setup();
    const sunk: ApiExchange[] = [];
    render(
      <ExchangeSinkContext.Provider value={(x) => sunk.push(x)}>
        <CustomApiCall accessToken={TOKEN} defaultUrl="https://api.example.com/items" />
      </ExchangeSinkContext.Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(sunk).toHaveLength(1));
    expect(sunk[0]).toMatchObject({ method: 'GET', url: 'https://api.example.com/items', status: 200 });
    expect(JSON.stringify(sunk[0])).not.toContain(TOKEN);
  });

  it('does not re-render while the body is typed: a 1 MB body would cost a long task per key (issue 19)', async () => {
    api();
    const user = userEvent.setup();
    let commits = 0;
    render(
      <Profiler id="custom-call" onRender={() => (commits += 1)}>
        <CustomApiCall accessToken={TOKEN} defaultUrl="https://api.example.com/items" />
      </Profiler>,
    );
    const body = await openBody(user);
    const before = commits;
    await typeAtEnd(user, body, '{{"a":1}');
    expect(commits).toBe(before);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"a":1}' });
  });

  it('keeps the typed body across a switch to GET and back', async () => {
    api();
    const user = userEvent.setup();
    render(<CustomApiCall accessToken={TOKEN} defaultUrl="https://api.example.com/items" />);
    await typeAtEnd(user, await openBody(user), '{{"kept":true}');
    await user.selectOptions(screen.getByLabelText('Method'), 'GET');
    expect(screen.queryByLabelText('Request body (JSON)')).toBeNull();
    const again = await openBody(user);
    expect(bodyText(again)).toBe('{"kept":true}');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(seen[0]).toMatchObject({ method: 'POST', body: '{"kept":true}' }));
  });

  it('names the editor by its visible label, and a click on the label puts the caret in it', async () => {
    const user = userEvent.setup();
    render(<CustomApiCall accessToken={TOKEN} defaultUrl="https://api.example.com/items" />);
    const body = await openBody(user);
    expect(body).toHaveAttribute('contenteditable', 'true');
    expect(body).toHaveAttribute('aria-multiline', 'true');
    await user.click(screen.getByText('Request body (JSON)'));
    expect(body).toHaveFocus();
  });

  it('undoes typing with Ctrl+Z and redoes it with Ctrl+Y, and Tab leaves the editor', async () => {
    api();
    const user = userEvent.setup();
    render(<CustomApiCall accessToken={TOKEN} defaultUrl="https://api.example.com/items" />);
    const body = await openBody(user);
    await typeAtEnd(user, body, '{{"a":1}');
    await user.keyboard('{Control>}z{/Control}');
    expect(bodyText(body)).toBe('');
    await user.keyboard('{Control>}y{/Control}');
    expect(bodyText(body)).toBe('{"a":1}');
    // No Tab binding: keyboard users move on to the button, as from a textarea.
    await user.tab();
    expect(screen.getByRole('button', { name: 'Send request' })).toHaveFocus();
  });

  it('shows markup typed into the body as text', async () => {
    const user = userEvent.setup();
    render(<CustomApiCall accessToken={TOKEN} defaultUrl="https://api.example.com/items" />);
    const body = await openBody(user);
    await typeAtEnd(user, body, '<img src=x onerror=alert(1)>');
    expect(bodyText(body)).toBe('<img src=x onerror=alert(1)>');
    expect(body.querySelector('img')).toBeNull();
  });
});
