// The request description as a JavaScript `fetch` snippet, with declared placeholders for credentials.
import type { RequestDescription } from './description';
import { authorizationPlaceholder, bodyPairs, isAuthorizationHeader, SENSITIVE_BODY_PARAMS, splitAuthorization } from './requestMask';

/** A JS string literal (JSON string syntax is valid JS, and escapes quotes, backslashes and line breaks). */
function literal(value: string): string {
  return JSON.stringify(value);
}

/**
 * Copyable JavaScript that sends the described request with `fetch`. Unless `reveal` is set, credentials become
 * constants declared at the top with obvious `<…>` placeholder values, so the snippet runs once they are filled.
 */
export function toFetchSnippet(desc: RequestDescription, opts: { reveal?: boolean } = {}): string {
  const reveal = opts.reveal === true;
  const placeholders = new Map<string, string>();
  const headerLines: string[] = [];
  for (const [name, value] of Object.entries(desc.headers)) {
    if (!reveal && isAuthorizationHeader(name)) {
      const { scheme } = splitAuthorization(value);
      const constant = authorizationPlaceholder(scheme);
      placeholders.set(constant, scheme.toLowerCase() === 'basic' ? '<base64(client_id:client_secret)>' : '<credentials>');
      headerLines.push(`    ${literal(name)}: ${literal(`${scheme} `)} + ${constant},`);
    } else {
      headerLines.push(`    ${literal(name)}: ${literal(value)},`);
    }
  }
  const bodyLines = bodyPairs(desc.body).map(({ name, value }) => {
    const constant = SENSITIVE_BODY_PARAMS[name];
    if (reveal || !constant) return `    [${literal(name)}, ${literal(value)}],`;
    placeholders.set(constant, `<${name}>`);
    return `    [${literal(name)}, ${constant}],`;
  });
  const preamble = [...placeholders].map(([constant, hint]) => `const ${constant} = ${literal(hint)}; // placeholder: fill in before running`);
  return [
    ...preamble,
    ...(preamble.length > 0 ? [''] : []),
    `const response = await fetch(${literal(desc.url)}, {`,
    `  method: ${literal(desc.method)},`,
    '  headers: {',
    ...headerLines,
    '  },',
    '  body: new URLSearchParams([',
    ...bodyLines,
    '  ]),',
    '});',
    'const tokenResponse = await response.json();',
  ].join('\n');
}
