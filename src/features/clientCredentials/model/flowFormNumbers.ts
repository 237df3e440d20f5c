// The advanced number fields, kept as typed (a draft) beside the number they stand for.
import type { FlowForm } from './flowTypes';

/** The text of an advanced number field as typed (kept as typed so "1e3" never comes back as 1000). */
export const MAX_NUMBER_DRAFT_LENGTH = 32;

export const NUMERIC_FIELDS = ['proactiveRefreshSeconds', 'assertionLifetimeSeconds', 'clockSkewSeconds'] as const satisfies ReadonlyArray<keyof FlowForm>;
export type NumericField = (typeof NUMERIC_FIELDS)[number];
export type NumberDrafts = Partial<Record<NumericField, string>>;

/** The number a typed draft stands for: NaN while it is empty or not a number (the field then shows its error). */
export function parseNumberDraft(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
