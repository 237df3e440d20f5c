// The bench's reference: React 19 + React Router 7, two routes, built by the same Vite as the app
// (bench/support/bareApp.ts). It uses the app's router API (createBrowserRouter), so the difference is the app's code.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Link, RouterProvider, createBrowserRouter } from 'react-router-dom';

function Page({ title, to, label }: { title: string; to: string; label: string }) {
  return (
    <main>
      <h1>{title}</h1>
      <p>
        A heading and a paragraph: what the framework costs before an app adds anything. <Link to={to}>{label}</Link>
      </p>
    </main>
  );
}

const router = createBrowserRouter([
  { path: '/', element: <Page title="Home" to="/other" label="Other page" /> },
  { path: '/other', element: <Page title="Other" to="/" label="Home" /> },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
