// What the flow page's pictures draw: every token attempt, background refresh and step-4 call, oldest first, plus
// the refresh marks of the lifetime timeline. Past Get token runs are kept when the next one starts.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { DiagramExchange } from '../../../components/SequenceDiagram';
import { isMtlsAuthMethod } from '../../../types/token';
import type { TimelineMark } from '../../../utils/timelineHistory';
import type { CacheEvent, TokenCache } from '../../../utils/tokenCache';
import type { RequestDescription } from '../../../utils/oauth/description';
import { createApiTrail, type ApiTrail } from '../model/apiTrail';
import { flowSequence, tokenLabel, type TokenRunTrace } from '../model/flowSequence';
import type { FlowForm, TokenRun } from '../model/flowTypes';
import { isRefreshEvent, refreshMarks, refreshRows } from '../model/refreshSequence';
import type { ManagementRun } from '../model/session/sessionState';

/** Rows kept in memory: the diagram folds all but its last screen; the text alternative lists these. */
export const SEQUENCE_HISTORY_LIMIT = 200;

export interface FlowSequence {
  rows: DiagramExchange[];
  marks: TimelineMark[];
}

function traceOf(run: TokenRun, form: FlowForm, description: RequestDescription | null): TokenRunTrace | undefined {
  if (run.startedAt === undefined || run.attempts.length === 0) return undefined;
  return {
    startedAt: run.startedAt,
    attempts: run.attempts,
    authMethod: form.authMethod,
    // mTLS methods always go through the relay (RFC 8705: page script cannot present a client certificate).
    viaRelay: form.viaRelay || isMtlsAuthMethod(form.authMethod),
    description,
    tokenEndpoint: description?.url ?? form.tokenEndpoint,
  };
}

/** An introspection or revocation, drawn like a token request to the authorization server (to its own endpoint). */
function managementTraceOf(run: ManagementRun | null, form: FlowForm): TokenRunTrace | undefined {
  const startedAt = run?.attempts[0]?.startedAt;
  if (!run || startedAt === undefined) return undefined;
  const description = run.description ?? null;
  return {
    kind: run.kind, startedAt, attempts: run.attempts, authMethod: form.authMethod,
    viaRelay: form.viaRelay || isMtlsAuthMethod(form.authMethod), description, tokenEndpoint: description?.url ?? run.kind,
  };
}

/** Past runs by start time: a run's last state replaces its earlier ones; the newest first out when full. */
function useRunTraces(current: TokenRunTrace | undefined): TokenRunTrace[] {
  const [past, setPast] = useState<TokenRunTrace[]>([]);
  const [last, setLast] = useState(current);
  // Stored during render from the previous render's value (react.dev "storing information from previous renders").
  if (current !== last) {
    if (last && current?.startedAt !== last.startedAt) setPast((p) => [...p, last].slice(-SEQUENCE_HISTORY_LIMIT));
    setLast(current);
  }
  return useMemo(() => (current ? [...past, current] : past), [past, current]);
}

function useRefreshEvents(cache: Pick<TokenCache, 'onEvent'>): CacheEvent[] {
  const [events, setEvents] = useState<CacheEvent[]>([]);
  useEffect(
    () => cache.onEvent((e) => {
      if (isRefreshEvent(e)) setEvents((list) => [...list, e].slice(-SEQUENCE_HISTORY_LIMIT));
    }),
    [cache],
  );
  return events;
}

/**
 * The page's step-4 trail, made once. It asks at record time whether calls go through the relay, so a call made
 * after ticking the box is drawn through it.
 */
export function useApiTrail(viaRelay: boolean): ApiTrail {
  const [trail] = useState(() => createApiTrail());
  useEffect(() => trail.setViaRelay(viaRelay), [trail, viaRelay]);
  return trail;
}

/**
 * Reads the token run and the introspection/revocation run (props), the cache's refresh events and the step-4 trail
 * (external stores).
 */
export function useFlowSequence(
  runs: { token: TokenRun; management: ManagementRun | null }, form: FlowForm, description: RequestDescription | null,
  cache: Pick<TokenCache, 'onEvent'>, trail: ApiTrail,
): FlowSequence {
  const current = useMemo(() => traceOf(runs.token, form, description), [runs.token, form, description]);
  const tokenTraces = useRunTraces(current);
  const management = useMemo(() => managementTraceOf(runs.management, form), [runs.management, form]);
  const managementTraces = useRunTraces(management);
  const traces = useMemo(() => [...tokenTraces, ...managementTraces], [tokenTraces, managementTraces]);
  const events = useRefreshEvents(cache);
  const api = useSyncExternalStore(trail.subscribe, trail.getSnapshot, trail.getSnapshot);
  const label = tokenLabel(current?.tokenEndpoint ?? form.tokenEndpoint, form.authMethod);
  const rows = useMemo(() => flowSequence(traces, api, refreshRows(events, label)).slice(-SEQUENCE_HISTORY_LIMIT), [traces, api, events, label]);
  const marks = useMemo(() => refreshMarks(events), [events]);
  return { rows, marks };
}
