// The page waits for the sandbox's first answer before it shows the form, so the form renders once, already filled;
// a sandbox that does not answer within SANDBOX_WAIT_MS does not hold the form back.
import { act, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished } from 'vitest';
import { renderWithStores, sandboxInfoFixture, SANDBOX, setupFlowTestServer } from '../../../tests/support/clientCredentialsFlow';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { SANDBOX_WAIT_MS } from '../../features/clientCredentials/hooks/useFlowSession';
import { provideEffects } from '../../utils/effects';
import { ClientCredentialsFlow } from './ClientCredentialsFlow';

const server = setupFlowTestServer();

/** A /sandbox/info that answers only when `answer()` is called. */
function heldSandboxInfo() {
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  let asked = 0;
  server.use(
    http.get(`${SANDBOX}/sandbox/info`, async () => {
      asked += 1;
      await answered;
      return HttpResponse.json(sandboxInfoFixture());
    }),
  );
  return { answer, asked: () => asked };
}

describe('the flow page and the sandbox’s first answer', () => {
  it('shows the form only once /sandbox/info has answered, and then already filled from it', async () => {
    const info = heldSandboxInfo();
    renderWithStores(<ClientCredentialsFlow />);
    await waitFor(() => expect(info.asked()).toBe(1));
    expect(screen.getByRole('status')).toHaveTextContent('Loading the flow…');
    expect(screen.queryByLabelText('Client ID', { exact: true })).toBeNull();

    info.answer();
    // The first Client ID field the page shows holds the demo client's ID: no empty form rendered before it.
    expect(await screen.findByLabelText('Client ID', { exact: true })).toHaveValue('sandbox-basic');
  });

  it('a sandbox that has not answered within the wait does not hold the form back; its answer fills it later', async () => {
    // Virtual time: the wait passes when the test says so (the request's own timeout is far longer).
    const clock = new VirtualClock();
    onTestFinished(provideEffects({ clock }));
    const info = heldSandboxInfo();
    renderWithStores(<ClientCredentialsFlow />);
    await waitFor(() => expect(info.asked()).toBe(1));
    expect(screen.queryByLabelText('Client ID', { exact: true })).toBeNull();

    act(() => clock.advance(SANDBOX_WAIT_MS - 1));
    expect(screen.queryByLabelText('Client ID', { exact: true })).toBeNull();
    act(() => clock.advance(1));
    expect(await screen.findByLabelText('Client ID', { exact: true })).toHaveValue('');
    info.answer();
    await waitFor(() => expect(screen.getByLabelText('Client ID', { exact: true })).toHaveValue('sandbox-basic'));
  });
});
