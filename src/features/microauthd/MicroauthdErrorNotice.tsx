// Shows a failed microauthd call: a 403 names the scope the call needs and whether the token has it.
import { MicroauthdApiError, MicroauthdForbiddenError } from '../../services/microauthd/errors';
import { ErrorCard } from '../../components/ErrorCard';
import { explainableErrorOf, NO_ANSWER_CODES } from '../../utils/errorExplain';
import { isPlaygroundError } from '../../utils/errors';
import { ApiErrorAlert, ForbiddenCard } from '../../components/ForbiddenCard';

export interface MicroauthdErrorNoticeProps {
  error: unknown;
}

/** 403 → ForbiddenCard ("needs admin::deactivate_users — your token does not have it"); else an alert. */
export function MicroauthdErrorNotice({ error }: MicroauthdErrorNoticeProps) {
  if (error instanceof MicroauthdForbiddenError) {
    const scope = error.requiredScope;
    return (
      <ForbiddenCard
        method={error.method}
        endpoint={error.url}
        status={403}
        bodySnippet={error.bodySnippet}
        hint={error.hint}
        requiredScopes={scope ? [scope.name] : undefined}
        tokenHasScope={error.tokenHasScope}
      />
    );
  }
  if (error instanceof MicroauthdApiError) {
    return <ApiErrorAlert status={error.status ?? 0} message={error.serverMessage ?? error.message} />;
  }
  // No answer at all: blocked by CORS, unreachable, or the relay's own failure — the card says which and what to do.
  if (isPlaygroundError(error) && NO_ANSWER_CODES.has(error.code)) {
    return <ErrorCard error={explainableErrorOf(error)} context="The microauthd call failed" />;
  }
  if (isPlaygroundError(error)) {
    return <ApiErrorAlert code={error.code} message={error.message} status={error.status || undefined} />;
  }
  return <ApiErrorAlert message="The call failed for an unexpected reason. The log drawer has the details." />;
}
