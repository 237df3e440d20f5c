// The form's rules are built and first run in the task they are given, not when asked and not in the session's
// render (issue 24).
import { describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../../../utils/storage';
import { DEFAULT_FLOW_FORM } from './flowFormDefaults';
import { createFlowPersistence } from './flowPersistence';
import { formRulesWarmup } from './formRules';
import { profileConfigOf } from './profileConfig';

const built = vi.hoisted(() => [] as string[]);
vi.mock('../../../utils/zod', async (importOriginal) => {
  const { reportingZodCalls } = await import('../../../../tests/support/zodCalls');
  return reportingZodCalls(await importOriginal<typeof import('../../../utils/zod')>(), (builder) => built.push(builder));
});

describe('formRulesWarmup', () => {
  it('builds nothing when asked, the rules in the task it is given, and a session and its first save then build none', async () => {
    const tasks: Array<() => void> = [];
    const ready = formRulesWarmup((run) => tasks.push(run));
    const first = ready();
    expect(ready()).toBe(first);
    expect(tasks).toHaveLength(1);
    expect(built).toEqual([]);

    tasks[0]!();
    await first;
    expect(built.length).toBeGreaterThan(20);
    built.length = 0;
    // What a session's making does with them: nothing left to build.
    profileConfigOf({ ...DEFAULT_FLOW_FORM, clientId: 'client-1', scopes: ['p1:read:user'] });
    // Nor its first save of the progress, a half-typed number included (checked by the same field rules).
    const saved = createFlowPersistence(createMemoryStorage()).save({ activeIndex: 0, form: { ...DEFAULT_FLOW_FORM, clockSkewSeconds: Number.NaN }, sources: {} });
    expect(saved).toEqual({ ok: true, notSaved: [] });
    expect(built).toEqual([]);
  });
});
