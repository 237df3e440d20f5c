// The flow page's pictures under the steps: the token's lifetime and the sequence diagram of every exchange.
import { memo, useDeferredValue, useSyncExternalStore } from 'react';
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

/**
 * Nothing until the first exchange; then the timeline (while a token is cached) and the diagram. Everything they
 * draw is read through useDeferredValue: the decoded token (the click's answer) commits first, the pictures follow
 * in a render of their own, off the click-to-token path.
 */
export const FlowPictures = memo(function FlowPictures({ run, management, form, description, trail, stores }: FlowPicturesProps) {
  const { cache, history } = stores;
  const currentToken = useCurrentToken(stores);
  const entries = useSyncExternalStore(history.subscribe, history.getSnapshot, history.getSnapshot);
  const deferredRun = useDeferredValue(run);
  const deferredManagement = useDeferredValue(management);
  const deferredForm = useDeferredValue(form);
  const deferredDescription = useDeferredValue(description);
  const deferredToken = useDeferredValue(currentToken);
  const deferredEntries = useDeferredValue(entries);
  const { rows, marks } = useFlowSequence({ token: deferredRun, management: deferredManagement }, deferredForm, deferredDescription, cache, trail);
  return (
    <div className="cc-pictures">
      <Timeline token={deferredToken} history={deferredEntries} marks={marks} />
      <Diagram exchanges={rows} apiLabel={API_LABEL[PROVIDERS[deferredForm.provider].console]} />
    </div>
  );
});
