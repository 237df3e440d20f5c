// 404: an unknown address inside the app.

import { Link, useLocation } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div className="page">
      <PageTitle title="Page not found" subtitle={<>There is nothing at <code>{pathname}</code>.</>} />
      <p>
        <Link to="/">Go to the home page</Link> to pick a flow.
      </p>
    </div>
  );
}
