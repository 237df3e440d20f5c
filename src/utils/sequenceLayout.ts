// Geometry of the sequence diagram: lifeline columns, one row per exchange (request arrow, then the answer back).
import type { Lifeline, SequenceExchange } from './sequenceModel';

export const SEQUENCE_GEOMETRY = {
  /** distance between two lifelines */
  column: 230,
  /** left/right margin: half a column, so the outer labels fit */
  margin: 115,
  /** lifeline heads */
  header: 48,
  /** request arrow + answer arrow */
  row: 56,
  footer: 16,
} as const;

export interface RowLayout {
  /** x of the playground (every exchange starts there) */
  x1: number;
  /** x of the relay when the exchange went through it */
  xVia?: number;
  /** x of the target lifeline */
  x2: number;
  /** y of the request arrow; the answer runs back at yAnswer */
  yRequest: number;
  yAnswer: number;
}

/** x of each lifeline, by position. */
export function lifelineX(index: number): number {
  return SEQUENCE_GEOMETRY.margin + index * SEQUENCE_GEOMETRY.column;
}

export function diagramWidth(lifelines: readonly Lifeline[]): number {
  return 2 * SEQUENCE_GEOMETRY.margin + Math.max(0, lifelines.length - 1) * SEQUENCE_GEOMETRY.column;
}

/** Height for `rows` rows, plus the fold line when earlier exchanges are folded away. */
export function diagramHeight(rows: number, folded: boolean): number {
  const { header, row, footer } = SEQUENCE_GEOMETRY;
  return header + (rows + (folded ? 0.5 : 0)) * row + footer;
}

/** Where row `index` draws `x` (index counts shown rows, after any fold line). */
export function layoutRow(x: SequenceExchange, index: number, lifelines: readonly Lifeline[], folded: boolean): RowLayout {
  const { header, row } = SEQUENCE_GEOMETRY;
  const at = (id: string) => lifelineX(Math.max(0, lifelines.findIndex((l) => l.id === id)));
  const top = header + (index + (folded ? 0.5 : 0)) * row;
  const layout: RowLayout = { x1: at('playground'), x2: at(x.to), yRequest: top + 22, yAnswer: top + 44 };
  if (x.viaRelay) layout.xVia = at('relay');
  return layout;
}
