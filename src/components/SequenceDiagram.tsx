// The live sequence diagram: every exchange of the flow as an arrow between lifelines, selectable for its request
// and response, with a text alternative, keyboard operation, an SVG download and a fold for long runs.
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ApiExchangeView } from './ApiExchangeView';
import { formatMs } from './AttemptsTimeline';
import { IconDownload } from './icons/objectIcons';
import { downloadSvgFile, svgFileName, svgFileText } from './SequenceDiagramDownload';
import { SequenceDiagramRow } from './SequenceDiagramRow';
import type { ApiExchange } from '../services/apiExchange';
import { effects } from '../utils/effects';
import { describeExchange, foldOldest, lifelinesFor, waitText, type Lifeline, type SequenceExchange } from '../utils/sequenceModel';
import { diagramHeight, diagramWidth, layoutRow, lifelineX, SEQUENCE_GEOMETRY } from '../utils/sequenceLayout';
import './SequenceDiagram.css';

/** Rows drawn before the oldest fold away: one screen of SVG, however long a retry storm runs. */
export const DEFAULT_VISIBLE_EXCHANGES = 24;

export type DiagramExchange = SequenceExchange<ApiExchange>;

export interface SequenceDiagramProps {
  /** Oldest first. */
  exchanges: readonly DiagramExchange[];
  /** The API lifeline's name: `PingOne API`, `microauthd`, `Custom API`. */
  apiLabel: string;
  visibleLimit?: number;
  /** Default: {@link downloadSvgFile}. */
  download?: (fileName: string, svg: string) => void;
}

function Lifelines({ lifelines, height }: { lifelines: readonly Lifeline[]; height: number }) {
  return (
    <g className="seq-lifelines">
      {lifelines.map((l, i) => (
        <g key={l.id}>
          <rect x={lifelineX(i) - 70} y={6} width={140} height={28} rx={6} fill="#eff6ff" stroke="#3b82f6" />
          <text x={lifelineX(i)} y={24} textAnchor="middle" fontSize={12} fontWeight={600} fill="#1e40af">
            {l.label}
          </text>
          <line x1={lifelineX(i)} y1={34} x2={lifelineX(i)} y2={height - 4} stroke="#9ca3af" strokeDasharray="3 4" />
        </g>
      ))}
    </g>
  );
}

/** The selected exchange's masked request and response; a token attempt without a recorded view says so. */
function SelectedExchange({ exchange, description }: { exchange: DiagramExchange; description: string }) {
  return (
    <section className="seq-detail" aria-label="Selected exchange">
      <p className="seq-detail__line">{description}</p>
      {exchange.detail ? <ApiExchangeView exchange={exchange.detail} /> : <p className="api-muted">No request or response was recorded for this exchange.</p>}
    </section>
  );
}

/** Arrow keys move between arrows, Home/End jump, Enter/Space select: one tab stop for the whole drawing. */
function nextIndex(key: string, index: number, count: number): number | undefined {
  if (key === 'ArrowDown' || key === 'ArrowRight') return Math.min(count - 1, index + 1);
  if (key === 'ArrowUp' || key === 'ArrowLeft') return Math.max(0, index - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

function useRovingRows(count: number, onSelect: (index: number) => void) {
  const refs = useRef<(SVGGElement | null)[]>([]);
  const [focused, setFocused] = useState(0);
  const onKeyDown = useCallback(
    (index: number, event: KeyboardEvent<SVGGElement>) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onSelect(index);
        return;
      }
      const next = nextIndex(event.key, index, count);
      if (next === undefined) return;
      event.preventDefault();
      setFocused(next);
      refs.current[next]?.focus();
    },
    [count, onSelect],
  );
  return { refs, focused: Math.min(focused, Math.max(0, count - 1)), setFocused, onKeyDown };
}

export function SequenceDiagram({ exchanges, apiLabel, visibleLimit = DEFAULT_VISIBLE_EXCHANGES, download = downloadSvgFile }: SequenceDiagramProps) {
  const [expanded, setExpanded] = useState(false);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const svgRef = useRef<SVGSVGElement>(null);
  const lifelines = useMemo(() => lifelinesFor(exchanges, apiLabel), [exchanges, apiLabel]);
  const descriptions = useMemo(() => exchanges.map((x) => describeExchange(x, lifelines, formatMs)), [exchanges, lifelines]);
  const { earlier, shown } = expanded ? { earlier: 0, shown: exchanges } : foldOldest(exchanges, visibleLimit);
  const offset = exchanges.length - shown.length;
  const select = useCallback((index: number) => setSelectedId(shown[index]?.id), [shown]);
  const roving = useRovingRows(shown.length, select);
  const folded = earlier > 0;
  const width = diagramWidth(lifelines);
  const height = diagramHeight(shown.length, folded);
  const selectedIndex = exchanges.findIndex((x) => x.id === selectedId);

  if (exchanges.length === 0) return null;
  return (
    <figure className="seq-figure" aria-label="Sequence diagram">
      <div className="seq-toolbar">
        <span className="seq-title">Sequence diagram</span>
        {(folded || expanded) && exchanges.length > visibleLimit && (
          <button type="button" className="btn btn--secondary btn--small" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Fold earlier exchanges' : `${earlier} earlier exchanges`}
          </button>
        )}
        <button
          type="button"
          className="btn btn--secondary btn--small"
          onClick={() => svgRef.current && download(svgFileName(effects().clock.now()), svgFileText(svgRef.current))}
        >
          <IconDownload /> Download diagram (SVG)
        </button>
      </div>
      <div className="seq-scroll">
        <svg ref={svgRef} className="seq-svg" role="group" aria-label="Exchanges" viewBox={`0 0 ${width} ${height}`} width={width} height={height} fontFamily="Inter, system-ui, sans-serif">
          <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
          <Lifelines lifelines={lifelines} height={height} />
          {folded && (
            <text x={width / 2} y={SEQUENCE_GEOMETRY.header + 16} textAnchor="middle" fontSize={12} fill="#6b7280">
              {`… ${earlier} earlier exchanges`}
            </text>
          )}
          {shown.map((x, i) => (
            <SequenceDiagramRow
              key={x.id}
              exchange={x}
              layout={layoutRow(x, i, lifelines, folded)}
              width={width}
              description={descriptions[offset + i] ?? x.label}
              wait={waitText(x, formatMs)}
              selected={x.id === selectedId}
              focusable={i === roving.focused}
              onSelect={() => select(i)}
              onFocus={() => roving.setFocused(i)}
              onKeyDown={(e) => roving.onKeyDown(i, e)}
              rowRef={(el) => {
                roving.refs.current[i] = el;
              }}
            />
          ))}
        </svg>
      </div>
      <ol className="visually-hidden" aria-label="Exchanges in order">
        {descriptions.map((d, i) => (
          <li key={exchanges[i]?.id ?? i}>{d}</li>
        ))}
      </ol>
      {selectedIndex >= 0 && <SelectedExchange exchange={exchanges[selectedIndex] as DiagramExchange} description={descriptions[selectedIndex] ?? ''} />}
    </figure>
  );
}
