// Shows a failed PingOne call: the 403 card with its diagnostic, or an alert with status, PingOne code and details.
import { PINGONE_403_HINT, PINGONE_ROLES_TRUTH } from '../../config/pingone';
import { PingOneApiError } from '../../services/pingone/apiError';
import { ErrorCard } from '../../components/ErrorCard';
import { explainableErrorOf, NO_ANSWER_CODES } from '../../utils/errorExplain';
import { isPlaygroundError } from '../../utils/errors';
import { ApiErrorAlert, ForbiddenCard } from '../../components/ForbiddenCard';

export interface PingOneErrorNoticeProps {
  error: unknown;
}

/**
 * A 403 (PingOne `ACCESS_FAILED`) becomes a {@link ForbiddenCard} with the endpoint, method, status, body snippet,
 * the scope hint and the roles truth. Anything else is an alert naming the status and PingOne's code.
 */
export function PingOneErrorNotice({ error }: PingOneErrorNoticeProps) {
  if (error instanceof PingOneApiError && error.status === 403) {
    const d = error.diagnostic;
    return (
      <ForbiddenCard
        method={d?.method ?? error.method}
        endpoint={d?.endpoint ?? error.endpoint}
        status={403}
        bodySnippet={d?.bodySnippet ?? error.bodySnippet}
        hint={d?.hint ?? PINGONE_403_HINT}
        rolesTruth={d?.rolesTruth ?? PINGONE_ROLES_TRUTH}
        requiredScopes={d?.requiredScopes}
        tokenHasScope={d?.tokenHadRequiredScope}
        providerCode={error.pingoneCode || undefined}
      />
    );
  }
  if (error instanceof PingOneApiError) {
    return (
      <ApiErrorAlert
        status={error.status ?? 0}
        message={error.pingoneMessage ?? error.message}
        details={error.details}
        code={error.pingoneCode || undefined}
      />
    );
  }
  // No answer at all: blocked by CORS, unreachable, or the relay's own failure — the card says which and what to do.
  if (isPlaygroundError(error) && NO_ANSWER_CODES.has(error.code)) {
    return <ErrorCard error={explainableErrorOf(error)} context="The PingOne API call failed" />;
  }
  if (isPlaygroundError(error)) {
    return <ApiErrorAlert code={error.code} message={error.message} status={error.status || undefined} />;
  }
  return <ApiErrorAlert message="The call failed for an unexpected reason. The log drawer has the details." />;
}
