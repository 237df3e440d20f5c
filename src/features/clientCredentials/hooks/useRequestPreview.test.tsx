// The request preview: Get token shows the description it sent, without a new state when nothing changed.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOW_FORM } from '../model/flowFormSchema';
import type { FlowForm } from '../model/flowTypes';
import { useRequestPreview } from './useRequestPreview';

const form: FlowForm = {
  ...DEFAULT_FLOW_FORM, provider: 'custom', tokenEndpoint: 'https://as.example.com/token', clientId: 'client-1', authMethod: 'client_secret_basic', scopes: ['read'],
};
const creds = { secret: 's3cret' };

describe('useRequestPreview.show', () => {
  it('keeps the shown description when Get token sent the same request, and shows a different one', async () => {
    const { result } = renderHook(() => useRequestPreview(form, creds));
    await waitFor(() => expect(result.current.description).not.toBeNull());
    const shown = result.current.description!;

    act(() => result.current.show({ ...shown, headers: { ...shown.headers } }));
    expect(result.current.description).toBe(shown);

    const sent = { ...shown, body: `${shown.body}&audience=x` };
    act(() => result.current.show(sent));
    expect(result.current.description).toBe(sent);
    expect(result.current.pending).toBe(false);
  });
});
