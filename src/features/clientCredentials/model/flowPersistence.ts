// Flow progress in sessionStorage (active step, number fields as typed, the profile shown, and — when no saved profile
// holds them — the non-secret fields and their sources) so a reload resumes the flow in this tab.
import * as z from '../../../utils/zod';
import { FLOW_PROGRESS_PREFIX } from '../../../contexts/authStores';
import { parseJsonSafely } from '../../../utils/secureJson';
import { createListenerSet } from '../../../utils/listeners';
import { createSafeStorage, storageGetter, webStorage, type StorageSource, type StorageWriteResult } from '../../../utils/storage';
import { fieldsPassingTheirRules, flowFormShape, MAX_NUMBER_DRAFT_LENGTH, NUMERIC_FIELDS, parseNumberDraft, type FormField, type NumberDrafts, type NumericField } from './flowFormSchema';
import type { FlowForm } from './flowTypes';

/** Under the prefix sign-out clears, so "Sign out" also forgets where the user was. */
export const CC_FLOW_PROGRESS_KEY = `${FLOW_PROGRESS_PREFIX}client-credentials`;

export interface FlowProgress {
  activeIndex: number;
  form: FlowForm;
  /** where each field's value came from (.env, typed, sandbox…) */
  sources: Partial<Record<FormField, string>>;
  /** advanced number fields as typed, when that differs from the number */
  numberDrafts?: NumberDrafts;
  /** The saved profile this tab shows; null for an unsaved configuration (a share link); absent before profiles. */
  profileId?: string | null;
  /**
   * The saved profile (localStorage) took this form and its sources, so they are not kept twice: the progress keeps
   * only what is this tab's own (the step, the number drafts, which profile it shows), and a reload reads the form
   * from the profile. False while no profile is active (a share link) or when the profile store refused the write
   * (full or blocked): then this copy is what brings the form back after a reload, as the profiles notice promises.
   */
  profileHoldsForm?: boolean;
}

/** Progress read back: fields that could not be stored are missing (the flow fills them from configuration). */
export interface RestoredProgress extends Omit<FlowProgress, 'form'> {
  form: Partial<FlowForm>;
}

/** What a save did: the fields it could not keep (over their field's limit), and whether storage took the rest. */
export type SaveResult =
  | { ok: true; notSaved: FormField[] }
  | { ok: false; reason: Extract<StorageWriteResult, { ok: false }>['reason']; notSaved: FormField[] };

export interface FlowPersistence {
  load(): RestoredProgress | null;
  save(progress: FlowProgress): SaveResult;
  clear(): void;
  /** The last save's result (null before the first), for the UI to say what will not survive a reload. */
  lastSave(): SaveResult | null;
  subscribe(listener: () => void): () => void;
}

// The schemas are built on first use, not at import (issue 24: page-load main thread; see lazySchema).
const draftSchema = z.lazySchema(() => z.string().check(z.maxLength(MAX_NUMBER_DRAFT_LENGTH)));

/** A half-typed number is NaN in the form; JSON has no NaN, so it is stored as null (its text is in the drafts). */
const storedFormSchema = z.lazySchema(() => z.partial(z.object({
  ...flowFormShape(),
  proactiveRefreshSeconds: z.nullable(z.number()),
  assertionLifetimeSeconds: z.nullable(z.number()),
  clockSkewSeconds: z.nullable(z.number()),
})));

const progressSchema = z.lazySchema(() => z.object({
  v: z.literal(1),
  activeIndex: z.int().check(z.minimum(0), z.maximum(3)),
  form: storedFormSchema(),
  sources: z._default(z.record(z.string(), z.string().check(z.maxLength(32))), {}),
  numberDrafts: z.optional(z.partialRecord(z.enum(NUMERIC_FIELDS), draftSchema())),
  profileId: z.optional(z.nullable(z.string().check(z.maxLength(16)))),
}));

/**
 * Each field on its own: one value over its limit is left out (and named), never the whole progress. Checked against
 * the field's own rule, the one a restore applies (storedFormSchema adds only null for a half-typed number): a save
 * builds no schema of its own, so the session's first save at start-up does not (issue 24: page-load main thread).
 */
function storableForm(form: FlowForm, notSaved: FormField[]): Record<string, unknown> {
  const halfTyped: FormField[] = [];
  const stored: Record<string, unknown> = fieldsPassingTheirRules(form, (field) => {
    const raw = form[field];
    (typeof raw === 'number' && Number.isNaN(raw) ? halfTyped : notSaved).push(field);
  });
  for (const field of halfTyped) stored[field] = null;
  return stored;
}

function storableDrafts(drafts: NumberDrafts | undefined, notSaved: FormField[]): NumberDrafts | undefined {
  if (!drafts) return undefined;
  const stored: NumberDrafts = {};
  for (const field of Object.keys(drafts) as NumericField[]) {
    const text = drafts[field] ?? '';
    if (draftSchema().safeParse(text).success) stored[field] = text;
    else notSaved.push(field);
  }
  return stored;
}

function restoredForm(data: z.infer<ReturnType<typeof progressSchema>>): Partial<FlowForm> {
  const form = { ...data.form } as Record<string, unknown>;
  for (const field of NUMERIC_FIELDS) {
    const draft = data.numberDrafts?.[field];
    if (draft !== undefined) form[field] = parseNumberDraft(draft);
    else if (form[field] === null) form[field] = Number.NaN;
  }
  return form as Partial<FlowForm>;
}

const sameResult = (a: SaveResult | null, b: SaveResult) => a !== null && JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves and restores flow progress. FlowForm holds no secret by contract (secrets live in the credential manager),
 * and only FlowForm's own fields are written, each checked against its field's limit, so nothing else slips in.
 */
export function createFlowPersistence(storage: StorageSource = webStorage('sessionStorage')): FlowPersistence {
  const safe = createSafeStorage(storageGetter(storage));
  const listeners = createListenerSet();
  let last: SaveResult | null = null;

  return {
    load() {
      const text = safe.getItem(CC_FLOW_PROGRESS_KEY);
      if (text === null) return null;
      const parsed = parseJsonSafely(text, { maxBytes: 1024 * 1024 });
      const valid = parsed.ok ? progressSchema().safeParse(parsed.value) : null;
      if (!valid?.success) {
        safe.removeItem(CC_FLOW_PROGRESS_KEY); // from an older version, or tampered with: start fresh
        return null;
      }
      const { activeIndex, sources, numberDrafts, profileId } = valid.data;
      const restored: RestoredProgress = { activeIndex, form: restoredForm(valid.data), sources: sources as RestoredProgress['sources'] };
      if (numberDrafts && Object.keys(numberDrafts).length > 0) restored.numberDrafts = numberDrafts;
      if (profileId !== undefined) restored.profileId = profileId;
      return restored;
    },
    save(progress) {
      const notSaved: FormField[] = [];
      // Checked even when the profile holds the form: profiles keep a field by the same rules, so this names what a
      // reload would not bring back either way.
      const form = storableForm(progress.form, notSaved);
      const numberDrafts = storableDrafts(progress.numberDrafts, notSaved);
      const own = { v: 1 as const, activeIndex: progress.activeIndex, numberDrafts, profileId: progress.profileId };
      const value = progress.profileHoldsForm ? { ...own, form: {}, sources: {} } : { ...own, form, sources: progress.sources };
      const written = safe.setItem(CC_FLOW_PROGRESS_KEY, JSON.stringify(value));
      const result: SaveResult = written.ok ? { ok: true, notSaved } : { ok: false, reason: written.reason, notSaved };
      if (!sameResult(last, result)) {
        last = result;
        listeners.notify();
      }
      return result;
    },
    clear() {
      safe.removeItem(CC_FLOW_PROGRESS_KEY);
    },
    lastSave: () => last,
    subscribe: listeners.subscribe,
  };
}
