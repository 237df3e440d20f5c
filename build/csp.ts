import type { Plugin } from 'vite';

/**
 * Injects a Content-Security-Policy meta tag into the built index.html.
 * Only for builds: Vite's dev server injects inline scripts for HMR.
 * No 'unsafe-eval'; connect-src stays open to http(s) because the playground's purpose
 * is to call whichever authorization server the user configures.
 */
export function contentSecurityPolicy({ enabled }: { enabled: boolean }): Plugin {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self' http: https:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  return {
    name: 'playground-csp',
    transformIndexHtml(html) {
      if (!enabled) return html;
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
    },
  };
}
