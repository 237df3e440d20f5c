// Flow progress in sessionStorage: round trip, only FlowForm's fields are written, tampered data is dropped.
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../../utils/storage';
import { DEFAULT_FLOW_FORM } from './flowFormSchema';
import { CC_FLOW_PROGRESS_KEY, createFlowPersistence } from './flowPersistence';

describe('flowPersistence', () => {
  it('round-trips the active step, the form and the sources', () => {
    const storage = createMemoryStorage();
    const persistence = createFlowPersistence(storage);
    const form = { ...DEFAULT_FLOW_FORM, clientId: 'client-1', scopes: ['a', 'b'] };
    persistence.save({ activeIndex: 2, form, sources: { clientId: 'typed' } });
    expect(persistence.load()).toEqual({ activeIndex: 2, form, sources: { clientId: 'typed' } });
  });

  it('writes only FlowForm fields, so a secret smuggled into the object never reaches storage', () => {
    const storage = createMemoryStorage();
    const form = { ...DEFAULT_FLOW_FORM, clientSecret: 'leak-me', client_secret: 'leak-me-too' } as typeof DEFAULT_FLOW_FORM;
    createFlowPersistence(storage).save({ activeIndex: 0, form, sources: {} });
    expect(storage.getItem(CC_FLOW_PROGRESS_KEY)).not.toContain('leak-me');
  });

  it('drops unreadable or tampered progress instead of restoring it', () => {
    const storage = createMemoryStorage({ [CC_FLOW_PROGRESS_KEY]: JSON.stringify({ v: 1, activeIndex: 9, form: {} }) });
    expect(createFlowPersistence(storage).load()).toBeNull();
    expect(storage.getItem(CC_FLOW_PROGRESS_KEY)).toBeNull();
    storage.setItem(CC_FLOW_PROGRESS_KEY, '{not json');
    expect(createFlowPersistence(storage).load()).toBeNull();
  });

  it('does not persist a half-typed number (NaN)', () => {
    const storage = createMemoryStorage();
    createFlowPersistence(storage).save({ activeIndex: 0, form: { ...DEFAULT_FLOW_FORM, clockSkewSeconds: Number.NaN }, sources: {} });
    expect(storage.getItem(CC_FLOW_PROGRESS_KEY)).toBeNull();
  });
});
