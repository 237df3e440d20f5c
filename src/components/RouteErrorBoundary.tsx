// The route-level error element: a friendly "We hit an issue" card instead of a blank page.

import { useEffect } from 'react';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { logger } from '../utils/logger';
import { redactString } from '../utils/redact';

const log = logger.child('app');

function describeError(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`.trim();
  if (error instanceof Error) return redactString(error.message);
  return 'Something unexpected went wrong while showing this page.';
}

/** Used as `errorElement`: shows the (redacted) reason, logs it, and offers a way out. */
export function RouteErrorBoundary() {
  const error = useRouteError();

  useEffect(() => {
    // Logging is a side effect of showing the error, so it belongs in an effect, once per error.
    log.error('page failed to render', { error });
  }, [error]);

  return (
    <div className="route-error" role="alert">
      <h1 className="route-error__title">We hit an issue</h1>
      <p>{describeError(error)}</p>
      <p className="route-error__actions">
        <Link className="btn btn--primary" to="/">
          Back to home
        </Link>
        <button type="button" className="btn btn--secondary" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </p>
    </div>
  );
}
