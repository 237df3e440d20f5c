// Flow progress in sessionStorage (active step, non-secret fields and their sources) so a reload resumes the flow.
import { z } from 'zod';
import { FLOW_PROGRESS_PREFIX } from '../../../contexts/authStores';
import { parseJsonSafely } from '../../../utils/secureJson';
import { createSafeStorage, type KeyValueStorage } from '../../../utils/storage';
import { flowFormSchema, type FormField } from './flowFormSchema';
import type { FlowForm } from './flowTypes';

/** Under the prefix sign-out clears, so "Sign out" also forgets where the user was. */
export const CC_FLOW_PROGRESS_KEY = `${FLOW_PROGRESS_PREFIX}client-credentials`;

export interface FlowProgress {
  activeIndex: number;
  form: FlowForm;
  /** where each field's value came from (.env, typed, sandbox…) */
  sources: Partial<Record<FormField, string>>;
}

const progressSchema = z.object({
  v: z.literal(1),
  activeIndex: z.number().int().min(0).max(3),
  form: flowFormSchema,
  sources: z.record(z.string(), z.string().max(32)).default({}),
});

export interface FlowPersistence {
  load(): FlowProgress | null;
  save(progress: FlowProgress): void;
  clear(): void;
}

function defaultSessionStorage(): KeyValueStorage | null {
  return (globalThis as { sessionStorage?: KeyValueStorage }).sessionStorage ?? null;
}

/**
 * Saves and restores flow progress. FlowForm holds no secret by contract (secrets live in the credential manager),
 * and the schema below is what gets written, field by field, so nothing else can slip into storage.
 */
export function createFlowPersistence(storage: KeyValueStorage | (() => KeyValueStorage | null) = defaultSessionStorage): FlowPersistence {
  const safe = createSafeStorage(typeof storage === 'function' ? storage : () => storage);
  return {
    load() {
      const text = safe.getItem(CC_FLOW_PROGRESS_KEY);
      if (text === null) return null;
      const parsed = parseJsonSafely(text, { maxBytes: 64 * 1024 });
      const valid = parsed.ok ? progressSchema.safeParse(parsed.value) : null;
      if (!valid?.success) {
        safe.removeItem(CC_FLOW_PROGRESS_KEY); // from an older version, or tampered with: start fresh
        return null;
      }
      return { activeIndex: valid.data.activeIndex, form: valid.data.form as FlowForm, sources: valid.data.sources as FlowProgress['sources'] };
    },
    save(progress) {
      const form = flowFormSchema.safeParse(progress.form);
      if (!form.success) return; // a half-edited number (NaN) is not worth persisting; the next change will be
      const value = { v: 1 as const, activeIndex: progress.activeIndex, form: form.data, sources: progress.sources };
      safe.setItem(CC_FLOW_PROGRESS_KEY, JSON.stringify(value)); // blocked/full storage: progress just won't survive reload
    },
    clear() {
      safe.removeItem(CC_FLOW_PROGRESS_KEY);
    },
  };
}
