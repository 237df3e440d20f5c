// The error card's audience suggestion: why another `aud` may work, and one button that sets it and retries the call.
import type { AudienceSuggestion } from '../../../utils/oauth/audienceSuggestion';

/** A suggestion and what its button does (the session's `retryWithAudience` for the refused call). */
export interface AudienceRetry {
  suggestion: AudienceSuggestion;
  onTry: () => void;
}

/** The button's name is the suggestion's label, which always contains "audience" (product spec, accessible names). */
export function AudienceRetryAction({ retry }: { retry: AudienceRetry }) {
  return (
    <div className="error-card-audience">
      <p>{retry.suggestion.reason} The choice is kept for the next calls; nothing else you typed changes.</p>
      <button type="button" className="btn btn--primary" onClick={retry.onTry}>
        {retry.suggestion.label}
      </button>
    </div>
  );
}
