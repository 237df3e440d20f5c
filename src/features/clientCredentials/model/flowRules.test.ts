// The flow page's rules are built (and the form's first run) in the tasks they are given, one step per task, not
// when asked and not in the session's render (issue 24).
import { describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../../../utils/storage';
import { getSandboxInfo } from '../../../services/sandboxAdmin';
import { provideEffects } from '../../../utils/effects';
import { DEFAULT_FLOW_FORM } from './flowFormDefaults';
import { createFlowPersistence } from './flowPersistence';
import { FLOW_RULE_STEPS, rulesWarmup } from './flowRules';
import { profileConfigOf } from './profileConfig';

const built = vi.hoisted(() => [] as string[]);
vi.mock('../../../utils/zod', async (importOriginal) => {
  const { reportingZodCalls } = await import('../../../../tests/support/zodCalls');
  return reportingZodCalls(await importOriginal<typeof import('../../../utils/zod')>(), (builder) => built.push(builder));
});

const INFO = {
  environmentId: 'env-1', issuer: 'http://sandbox.test/env-1/as', tokenEndpoint: 'http://sandbox.test/env-1/as/token',
  discoveryUrl: 'http://sandbox.test/env-1/as/.well-known/openid-configuration', jwksUri: 'http://sandbox.test/env-1/as/jwks',
  apiBase: 'http://sandbox.test/v1', clients: [{ client_id: 'sandbox-basic', token_endpoint_auth_method: 'client_secret_basic' }],
};

describe('rulesWarmup', () => {
  it('runs nothing when asked, then one step per task, in order, and resolves after the last', async () => {
    const tasks: Array<() => void> = [];
    const ran: string[] = [];
    // The step a task was given runs in that task, in its microtasks: let them run.
    const runTask = async () => {
      tasks.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const ready = rulesWarmup([() => ran.push('first'), () => ran.push('second')], () => new Promise<void>((run) => tasks.push(run)));
    const promise = ready();
    expect(ready()).toBe(promise);
    expect(tasks).toHaveLength(1);
    expect(ran).toEqual([]);
    await runTask();
    expect(ran).toEqual(['first']);
    expect(tasks).toHaveLength(1);
    await runTask();
    await promise;
    expect(ran).toEqual(['first', 'second']);
  });

  it('passes over a step that throws (its rule fails again where it is used) and runs the next', async () => {
    const ran: string[] = [];
    const broken = () => {
      throw new Error('a rule that does not build');
    };
    await rulesWarmup([broken, () => ran.push('next')], () => Promise.resolve())();
    expect(ran).toEqual(['next']);
  });

  it("the page's steps leave a session, its first save and the sandbox's answer nothing to build", async () => {
    await rulesWarmup(FLOW_RULE_STEPS, () => Promise.resolve())();
    expect(built.length).toBeGreaterThan(20);
    built.length = 0;
    profileConfigOf({ ...DEFAULT_FLOW_FORM, clientId: 'client-1', scopes: ['p1:read:user'] });
    // The progress save, a half-typed number included (checked by the same field rules).
    const saved = createFlowPersistence(createMemoryStorage()).save({ activeIndex: 0, form: { ...DEFAULT_FLOW_FORM, clockSkewSeconds: Number.NaN }, sources: {} });
    expect(saved).toEqual({ ok: true, notSaved: [] });
    const restore = provideEffects({ fetch: (async () => Response.json(INFO)) as unknown as typeof fetch });
    try {
      const info = await getSandboxInfo({ baseUrl: 'http://sandbox.test' });
      expect(info.clients.map((c) => c.client_id)).toEqual(['sandbox-basic']);
    } finally {
      restore();
    }
    expect(built).toEqual([]);
  });
});
