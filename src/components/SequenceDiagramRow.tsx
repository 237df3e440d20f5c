// One row of the sequence diagram: the request arrow (through the relay when it forwarded it) and the answer back.
import { memo, type KeyboardEvent, type Ref } from 'react';
import { resultText, shortLabel, toneOf, type SequenceExchange, type StatusTone } from '../utils/sequenceModel';
import { SEQUENCE_GEOMETRY, type RowLayout } from '../utils/sequenceLayout';

/**
 * Colours as SVG attributes, not CSS classes, so a downloaded SVG looks the same on a slide. 4xx/5xx use the
 * palette's red, which keeps AA contrast on white as text (look.md).
 */
export const TONE_COLOUR: Record<StatusTone, string> = {
  ok: '#059669',
  error: '#dc2626',
  none: '#6b7280',
  pending: '#6b7280',
};
const INK = '#1f2937';
const HINT = '#b45309';

function Arrow({ from, to, y, colour, dashed }: { from: number; to: number; y: number; colour: string; dashed?: boolean }) {
  const dir = to >= from ? 1 : -1;
  const tip = to - dir;
  return (
    <>
      <line x1={from} y1={y} x2={tip - dir * 6} y2={y} stroke={colour} strokeWidth={1.75} strokeDasharray={dashed ? '5 4' : undefined} />
      <polygon points={`${tip},${y} ${tip - dir * 8},${y - 4} ${tip - dir * 8},${y + 4}`} fill={colour} />
    </>
  );
}

export interface SequenceDiagramRowProps {
  exchange: SequenceExchange;
  layout: RowLayout;
  width: number;
  /** The row's line in the text alternative: the button's accessible name. */
  description: string;
  /** Text after the label, e.g. `attempt 2`; the wait text under the answer. */
  wait?: string | undefined;
  selected: boolean;
  focusable: boolean;
  onSelect: () => void;
  onFocus: () => void;
  onKeyDown: (event: KeyboardEvent<SVGGElement>) => void;
  rowRef: Ref<SVGGElement>;
}

function RowLabels({ exchange: x, layout, wait }: Pick<SequenceDiagramRowProps, 'exchange' | 'layout' | 'wait'>) {
  const mid = (layout.x1 + layout.x2) / 2;
  const tone = toneOf(x);
  const attempt = x.attempt !== undefined && x.attempt > 1 ? ` · attempt ${x.attempt}` : '';
  return (
    <>
      <text x={mid} y={layout.yRequest - 6} textAnchor="middle" fontSize={12} fill={INK} fontFamily="Menlo, Monaco, monospace">
        {shortLabel(x.label)}
        {attempt}
      </text>
      <text x={mid} y={layout.yAnswer - 5} textAnchor="middle" fontSize={12} fontWeight={600} fill={TONE_COLOUR[tone]}>
        {resultText(x)}
        {wait ? ` · ${wait}` : ''}
      </text>
    </>
  );
}

/** Memoised: a new exchange adds a row without redrawing the others. */
export const SequenceDiagramRow = memo(function SequenceDiagramRow(props: SequenceDiagramRowProps) {
  const { exchange: x, layout, width, description, selected, focusable, rowRef } = props;
  const tone = toneOf(x);
  const top = layout.yRequest - 22;
  const start = layout.xVia ?? layout.x1;
  return (
    <g
      ref={rowRef}
      className="seq-row"
      role="button"
      tabIndex={focusable ? 0 : -1}
      aria-label={description}
      aria-pressed={selected}
      data-tone={tone}
      onClick={props.onSelect}
      onFocus={props.onFocus}
      onKeyDown={props.onKeyDown}
    >
      <title>{description}</title>
      <rect className="seq-row__hit" x={4} y={top} width={width - 8} height={SEQUENCE_GEOMETRY.row} rx={6} fill={selected ? '#eff6ff' : 'transparent'} />
      {layout.xVia !== undefined && <Arrow from={layout.x1} to={layout.xVia} y={layout.yRequest} colour={INK} />}
      <Arrow from={start} to={layout.x2} y={layout.yRequest} colour={INK} />
      {tone !== 'pending' && <Arrow from={layout.x2} to={layout.x1} y={layout.yAnswer} colour={TONE_COLOUR[tone]} dashed />}
      <RowLabels exchange={x} layout={layout} wait={props.wait} />
      {x.hint && (
        <g className="seq-hint">
          <circle cx={layout.x2 + 14} cy={layout.yAnswer - 9} r={7} fill={HINT} />
          <text x={layout.x2 + 14} y={layout.yAnswer - 5} textAnchor="middle" fontSize={11} fontWeight={700} fill="#fff">
            !
          </text>
          <text x={layout.x2 + 25} y={layout.yAnswer - 5} fontSize={11} fill={HINT}>
            hint
          </text>
        </g>
      )}
    </g>
  );
});
