// The pictures under the steps draw in a render of their own, never in the commit that shows the token (issue 24).
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { createTestStores } from '../../../../tests/support/clientCredentialsFlow';
import { createApiTrail } from '../model/apiTrail';
import { DEFAULT_FLOW_FORM } from '../model/flowFormSchema';
import type { TokenRun } from '../model/flowTypes';
import { FlowPictures } from './FlowPictures';

const run: TokenRun = {
  status: 'error',
  attempts: [{ attempt: 1, startedAt: 1_000, durationMs: 20, outcome: 'failed', status: 401, code: 'CLIENT_AUTH_REJECTED' }],
  startedAt: 1_000,
  requestedScopes: [],
};

describe('FlowPictures', () => {
  it('commits nothing drawn on mount and draws the diagram in a later commit', async () => {
    const stores = createTestStores();
    // Each commit of the subtree: was the diagram in the DOM when it committed?
    const drawnAtCommit: boolean[] = [];
    const onRender = () => void drawnAtCommit.push(document.querySelector('figure') !== null);
    render(
      <Profiler id="pictures" onRender={onRender}>
        <FlowPictures run={run} management={null} form={DEFAULT_FLOW_FORM} description={null} trail={createApiTrail()} stores={stores} />
      </Profiler>,
    );

    expect(await screen.findByRole('figure', { name: 'Sequence diagram' })).toBeInTheDocument();
    expect(drawnAtCommit[0]).toBe(false);
    expect(drawnAtCommit.at(-1)).toBe(true);
  });

  it('keeps its picture while a request is on its first attempt (no render of its own) and draws an answered attempt', async () => {
    const stores = createTestStores();
    const trail = createApiTrail();
    const commits: string[] = [];
    const ui = (r: TokenRun) => (
      <Profiler id="pictures" onRender={(_id, phase) => void commits.push(phase)}>
        <FlowPictures run={r} management={null} form={DEFAULT_FLOW_FORM} description={null} trail={trail} stores={stores} />
      </Profiler>
    );
    const { rerender } = render(ui(run));
    const list = await screen.findByRole('list', { name: 'Exchanges in order' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);

    // A click: the request runs, nothing answered yet. The new props render once; no deferred redraw follows.
    const running: TokenRun = { status: 'running', attempts: [], startedAt: 2_000, requestedScopes: [] };
    commits.length = 0;
    rerender(ui(running));
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(commits).toHaveLength(1);
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);

    // The first attempt answered 503 and is retried: that answer is drawn while the request goes on.
    const answered = { attempt: 1, startedAt: 2_000, durationMs: 5, outcome: 'retry' as const, status: 503, code: 'HTTP_STATUS' as const, delayMs: 500 };
    rerender(ui({ ...running, attempts: [answered] }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
  });
});
