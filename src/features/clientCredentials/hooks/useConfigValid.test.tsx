// Step 1's completeness is not worked out in the page's first render: building every field's rule and checking them
// was part of the flow's first, long render (issue 24). It comes in a render of its own right after.
import { renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowSessionState } from '../model/flowSession';
import { useConfigValid } from './useFlowSession';

const validate = vi.hoisted(() => vi.fn((): Record<string, string> => ({})));
vi.mock('../model/flowFormSchema', () => ({ validateFlowForm: validate }));

/** Only what the hook reads: the form, the secret and the keys (the rules themselves are mocked above). */
const state = { form: { keyRef: '' }, secret: '', keys: { list: [] } } as unknown as FlowSessionState;

describe('useConfigValid', () => {
  beforeEach(() => validate.mockClear());

  it('says "not yet" in the first render, without validating, then the answer in the next one', async () => {
    const renders: Array<{ valid: boolean; validatedSoFar: number }> = [];
    const { result } = renderHook(() => {
      const valid = useConfigValid(state, false);
      renders.push({ valid, validatedSoFar: validate.mock.calls.length });
      return valid;
    });
    await waitFor(() => expect(result.current).toBe(true));
    expect(renders[0]).toEqual({ valid: false, validatedSoFar: 0 });
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it('answers false when a field has an error', async () => {
    validate.mockReturnValueOnce({ clientId: 'Client ID is required' });
    const { result } = renderHook(() => useConfigValid(state, false));
    await waitFor(() => expect(validate).toHaveBeenCalledTimes(1));
    expect(result.current).toBe(false);
  });
});
