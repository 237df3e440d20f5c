// The Client Credentials page's title: shown by the route while the flow's chunk loads and by the flow itself, so
// the page's largest text paints with the shell (Largest Contentful Paint does not wait for the flow); and the page's
// frame while the flow is not there yet, shared by the route and the flow so the two look the same.
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';

export function ClientCredentialsTitle() {
  return (
    <PageTitle
      title="Client Credentials Flow"
      subtitle="Machine-to-machine access with the OAuth 2.0 Client Credentials grant (RFC 6749 §4.4): no user, no redirect. Configure the client, see the exact request, get a token, then use it."
    />
  );
}

/** The page while its flow is not there yet (its chunk, or the sandbox's first answer): the title and a spinner. */
export function FlowLoading() {
  return (
    <div className="page cc-page">
      <ClientCredentialsTitle />
      <Spinner label="Loading the flow…" />
    </div>
  );
}
