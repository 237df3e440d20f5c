// Flow progress in sessionStorage: round trip, only FlowForm's fields are written, tampered data is dropped.
import { describe, expect, it } from 'vitest';
import { createMemoryStorage, type KeyValueStorage } from '../../../utils/storage';
import { DEFAULT_FLOW_FORM, validateField } from './flowFormSchema';
import { CC_FLOW_PROGRESS_KEY, createFlowPersistence } from './flowPersistence';

describe('flowPersistence', () => {
  it('round-trips the active step, the form and the sources', () => {
    const storage = createMemoryStorage();
    const persistence = createFlowPersistence(storage);
    const form = { ...DEFAULT_FLOW_FORM, clientId: 'client-1', scopes: ['a', 'b'] };
    persistence.save({ activeIndex: 2, form, sources: { clientId: 'typed' } });
    expect(persistence.load()).toEqual({ activeIndex: 2, form, sources: { clientId: 'typed' } });
  });

  it('keeps no copy of a form the active profile holds: only the step, the number drafts and the profile id', () => {
    const storage = createMemoryStorage();
    const persistence = createFlowPersistence(storage);
    const form = { ...DEFAULT_FLOW_FORM, clientId: 'client-1', clockSkewSeconds: Number.NaN };
    const saved = persistence.save({ activeIndex: 2, form, sources: { clientId: 'typed' }, numberDrafts: { clockSkewSeconds: '12a' }, profileId: 'p1', profileHoldsForm: true });
    expect(saved).toEqual({ ok: true, notSaved: [] });
    expect(storage.getItem(CC_FLOW_PROGRESS_KEY)).not.toContain('client-1');
    expect(persistence.load()).toEqual({ activeIndex: 2, form: { clockSkewSeconds: Number.NaN }, sources: {}, numberDrafts: { clockSkewSeconds: '12a' }, profileId: 'p1' });
  });

  it('keeps the assertion audience, typ and typed endpoints for a reload; a tampered mode spoils the stored progress', () => {
    const storage = createMemoryStorage();
    const persistence = createFlowPersistence(storage);
    const form = { ...DEFAULT_FLOW_FORM, assertionAudience: 'endpoint' as const, assertionTyp: 'send' as const, introspectionEndpoint: 'https://as.example.com/i', revocationEndpoint: 'x' };
    persistence.save({ activeIndex: 0, form, sources: { assertionAudience: 'error card' } });
    expect(persistence.load()?.form).toEqual(form);
    const stored = JSON.parse(storage.getItem(CC_FLOW_PROGRESS_KEY)!) as { form: Record<string, unknown> };
    storage.setItem(CC_FLOW_PROGRESS_KEY, JSON.stringify({ ...stored, form: { ...stored.form, assertionAudience: 'elsewhere' } }));
    // The whole progress is refused rather than restored with a value the form cannot show.
    expect(persistence.load()).toBeNull();
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

  it('a half-typed number (NaN) does not stop the rest of the progress from being saved; its text comes back as typed', () => {
    const storage = createMemoryStorage();
    const persistence = createFlowPersistence(storage);
    persistence.save({ activeIndex: 0, form: { ...DEFAULT_FLOW_FORM, clientId: 'kept', clockSkewSeconds: Number.NaN }, sources: {}, numberDrafts: { clockSkewSeconds: '12a' } });
    expect(persistence.load()).toMatchObject({ form: { clientId: 'kept' }, numberDrafts: { clockSkewSeconds: '12a' } });
  });

  it('keeps a 5 000-character Audience (the field accepts it) together with every other change', () => {
    const persistence = createFlowPersistence(createMemoryStorage());
    const audience = `https://api.example.com/${'a'.repeat(5000)}`;
    expect(validateField('audience', { ...DEFAULT_FLOW_FORM, audience }, { secret: '', hasKey: false })).toBeUndefined();
    persistence.save({ activeIndex: 1, form: { ...DEFAULT_FLOW_FORM, audience, clientId: 'client-1' }, sources: { audience: 'typed' } });
    expect(persistence.load()?.form).toMatchObject({ audience, clientId: 'client-1' });
  });

  it('a value over its field limit is not stored, is named in the result, and every other change is stored', () => {
    const persistence = createFlowPersistence(createMemoryStorage());
    const clientId = 'x'.repeat(10_000);
    expect(validateField('clientId', { ...DEFAULT_FLOW_FORM, clientId }, { secret: '', hasKey: false })).toMatch(/256/);
    const result = persistence.save({ activeIndex: 0, form: { ...DEFAULT_FLOW_FORM, clientId, audience: 'aud-1' }, sources: {} });
    expect(result).toEqual({ ok: true, notSaved: ['clientId'] });
    const loaded = persistence.load();
    expect(loaded?.form).toMatchObject({ audience: 'aud-1' });
    expect(loaded?.form.clientId).toBeUndefined();
  });

  it('does not store an identifier with a hidden character, names it, and refuses one planted in storage (issue 19)', () => {
    const storage = createMemoryStorage();
    const persistence = createFlowPersistence(storage);
    const clientId = 'worker\u202Eevil';
    const result = persistence.save({ activeIndex: 0, form: { ...DEFAULT_FLOW_FORM, clientId, audience: 'aud-1' }, sources: {} });
    expect(result).toEqual({ ok: true, notSaved: ['clientId'] });
    expect(persistence.load()?.form).toMatchObject({ audience: 'aud-1' });
    const planted = { v: 1, activeIndex: 0, form: { clientId, kid: 'k\u200B' }, sources: {} };
    storage.setItem(CC_FLOW_PROGRESS_KEY, JSON.stringify(planted));
    expect(createFlowPersistence(storage).load()).toBeNull();
  });

  it.each(['abc', '1e3', '12a', '', ' 90 '])('restores the number draft %j exactly as typed', (text) => {
    const persistence = createFlowPersistence(createMemoryStorage());
    const value = text.trim() === '' ? Number.NaN : Number(text);
    persistence.save({ activeIndex: 0, form: { ...DEFAULT_FLOW_FORM, proactiveRefreshSeconds: value }, sources: {}, numberDrafts: { proactiveRefreshSeconds: text } });
    expect(persistence.load()?.numberDrafts).toEqual({ proactiveRefreshSeconds: text });
  });

  it('reports a storage that cannot take the progress (full or blocked)', () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const persistence = createFlowPersistence(full);
    expect(persistence.save({ activeIndex: 0, form: DEFAULT_FLOW_FORM, sources: {} })).toEqual({ ok: false, reason: 'quota', notSaved: [] });
  });
});
