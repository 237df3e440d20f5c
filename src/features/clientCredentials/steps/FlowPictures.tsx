// The flow page's pictures under the steps: the token's lifetime and the sequence diagram of every exchange.
import { memo, useSyncExternalStore } from 'react';
import { SequenceDiagram } from '../../../components/SequenceDiagram';
import { TokenTimeline } from '../../../components/TokenTimeline';
import { PROVIDERS, type ProviderEntry } from '../../../config/providers';
import { useNewAuth } from '../../../hooks/useNewAuth';
import type { RequestDescription } from '../../../utils/oauth/description';
import { earlierTokens } from '../../../utils/timelineHistory';
import { useFlowSequence } from '../hooks/useFlowSequence';
import type { ApiTrail } from '../model/apiTrail';
import type { FlowForm, TokenRun } from '../model/flowTypes';

/** The API lifeline's name, by the provider row's step-4 console. */
const API_LABEL: Record<ProviderEntry['console'], string> = {
  mfa: 'PingOne API',
  microauthd: 'microauthd API',
  customCall: 'Your API',
};

export interface FlowPicturesProps {
  run: TokenRun;
  form: FlowForm;
  description: RequestDescription | null;
  trail: ApiTrail;
}

function Timeline({ marks }: { marks: ReturnType<typeof useFlowSequence>['marks'] }) {
  const { currentToken, history } = useNewAuth();
  const entries = useSyncExternalStore(history.subscribe, history.getSnapshot, history.getSnapshot);
  if (!currentToken) return null;
  const { record, refreshAt } = currentToken;
  const current = { obtainedAt: record.obtainedAt, expAt: record.expAt, refreshAt: Number.isFinite(refreshAt) ? refreshAt : undefined };
  return <TokenTimeline current={current} earlier={earlierTokens(entries, current)} marks={marks} />;
}

/** Nothing until the first exchange; then the timeline (while a token is cached) and the diagram. */
export const FlowPictures = memo(function FlowPictures({ run, form, description, trail }: FlowPicturesProps) {
  const { cache } = useNewAuth();
  const { rows, marks } = useFlowSequence(run, form, description, cache, trail);
  return (
    <div className="cc-pictures">
      <Timeline marks={marks} />
      <SequenceDiagram exchanges={rows} apiLabel={API_LABEL[PROVIDERS[form.provider].console]} />
    </div>
  );
});
