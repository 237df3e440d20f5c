// What was off about an accepted token response (a mislabelled Content-Type), shown with the token in step 3.
import type { ResponseWarning } from '../types/token';
import { InfoBox } from './InfoBox';

export interface ResponseWarningsProps {
  /** TokenRecord.warnings / TokenResponse.warnings; nothing is rendered when there are none. */
  warnings: readonly ResponseWarning[] | undefined;
}

/**
 * A warning note listing each message as text: a message quotes the server's header (cleaned and cut by
 * responseWarnings.ts), and React renders it as text, never as HTML.
 */
export function ResponseWarnings({ warnings }: ResponseWarningsProps) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <InfoBox variant="warning" role="note" title="The token was accepted, but the response is not as RFC 6749 §5.1 describes it" className="response-warnings">
      <ul aria-label="Response warnings">
        {warnings.map((w, i) => (
          <li key={`${w.code}-${i}`}>{w.message}</li>
        ))}
      </ul>
    </InfoBox>
  );
}
