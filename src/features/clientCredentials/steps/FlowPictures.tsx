// The flow page's pictures under the steps: the token's lifetime and the sequence diagram of every exchange.
import { memo, useDeferredValue, useMemo, useState, useSyncExternalStore } from 'react';
import { SequenceDiagram } from '../../../components/SequenceDiagram';
import { TokenTimeline } from '../../../components/TokenTimeline';
import { PROVIDERS, type ProviderEntry } from '../../../config/providers';
import { useCurrentToken } from '../../../contexts/NewAuthContext';
import type { AuthStores } from '../../../contexts/authStores';
import type { RequestDescription } from '../../../utils/oauth/description';
import { earlierTokens, type TimelineMark } from '../../../utils/timelineHistory';
import type { CacheSnapshotEntry } from '../../../utils/tokenCache';
import type { TokenHistoryEntry } from '../../../utils/tokenHistory';
import { useFlowSequence } from '../hooks/useFlowSequence';
import type { ApiTrail } from '../model/apiTrail';
import type { FlowForm, TokenRun } from '../model/flowTypes';
import type { ManagementRun } from '../model/session/sessionState';

/** The API lifeline's name, by the provider row's step-4 console. */
const API_LABEL: Record<ProviderEntry['console'], string> = {
  mfa: 'PingOne API',
  microauthd: 'microauthd API',
  customCall: 'Your API',
};

export interface FlowPicturesProps {
  run: TokenRun;
  /** The latest introspection or revocation (drawn too, in order). */
  management: ManagementRun | null;
  form: FlowForm;
  stores: Pick<AuthStores, 'cache' | 'history'>;
  description: RequestDescription | null;
  trail: ApiTrail;
}

interface TimelineProps {
  token: CacheSnapshotEntry | undefined;
  history: readonly TokenHistoryEntry[];
  marks: readonly TimelineMark[];
}

const Timeline = memo(function Timeline({ token, history, marks }: TimelineProps) {
  if (!token) return null;
  const { record, refreshAt, refreshFloored } = token;
  const current = { obtainedAt: record.obtainedAt, expAt: record.expAt, refreshAt: Number.isFinite(refreshAt) ? refreshAt : undefined, refreshFloored };
  return <TokenTimeline current={current} earlier={earlierTokens(history, current)} marks={marks} />;
});

const Diagram = memo(SequenceDiagram);

/** What the pictures draw, taken together so they are deferred together (one consistent snapshot). */
interface PictureInputs {
  run: TokenRun;
  management: ManagementRun | null;
  form: FlowForm;
  description: RequestDescription | null;
  token: CacheSnapshotEntry | undefined;
  entries: readonly TokenHistoryEntry[];
}

/** The timeline (while a token is cached) and the sequence diagram of `inputs`. */
const Drawing = memo(function Drawing({ inputs, cache, trail }: { inputs: PictureInputs; cache: FlowPicturesProps['stores']['cache']; trail: ApiTrail }) {
  const { run, management, form, description, token, entries } = inputs;
  const { rows, marks } = useFlowSequence({ token: run, management }, form, description, cache, trail);
  return (
    <>
      <Timeline token={token} history={entries} marks={marks} />
      <Diagram exchanges={rows} apiLabel={API_LABEL[PROVIDERS[form.provider].console]} />
    </>
  );
});

/**
 * What the pictures draw: `inputs`, except while a token request is on its first attempt. Until it settles or fails
 * an attempt it adds nothing to draw (only answered attempts are drawn), so the pictures keep what they drew before
 * (nothing, if it is the first): redrawing the same picture on the click was a render between the click's frame and
 * the token's answer (issue 24: ~1.3 ms of click→token).
 */
function usePictureInputs(inputs: PictureInputs): PictureInputs | null {
  const unanswered = inputs.run.status === 'running' && inputs.run.attempts.length === 0;
  const [before, setBefore] = useState<PictureInputs | null>(unanswered ? null : inputs);
  // Adjusting state while rendering (react.dev "storing information from previous renders"): no extra effect pass.
  if (!unanswered && before !== inputs) setBefore(inputs);
  return unanswered ? before : inputs;
}

/**
 * Nothing until the first exchange; then the timeline (while a token is cached) and the diagram. What they draw is
 * read through useDeferredValue, with nothing as the first value: the decoded token (the click's answer) commits
 * first, and the pictures draw in a render of their own after it, on the first token as on every later one
 * (issue 24: they never share the click's frame).
 * @see https://react.dev/reference/react/useDeferredValue#parameters
 */
export const FlowPictures = memo(function FlowPictures({ run, management, form, description, trail, stores }: FlowPicturesProps) {
  const { cache, history } = stores;
  const token = useCurrentToken(stores);
  const entries = useSyncExternalStore(history.subscribe, history.getSnapshot, history.getSnapshot);
  const inputs = useMemo(() => ({ run, management, form, description, token, entries }), [run, management, form, description, token, entries]);
  const drawn = useDeferredValue<PictureInputs | null>(usePictureInputs(inputs), null);
  return <div className="cc-pictures">{drawn && <Drawing inputs={drawn} cache={cache} trail={trail} />}</div>;
});
