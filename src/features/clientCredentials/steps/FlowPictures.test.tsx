// The pictures under the steps draw in a render of their own, never in the commit that shows the token (issue 24).
import { render, screen } from '@testing-library/react';
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
});
