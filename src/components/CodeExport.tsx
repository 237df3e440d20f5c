// Step 2's code export: the one request description as cURL, fetch or a small program in six languages.
import { Suspense, use, useId, useState } from 'react';
import type { CodeExportInput, ExportLanguage } from '../utils/codeExport/exportInput';
import { EXPORT_FILE_NAMES, EXPORT_LANGUAGE_LABELS, EXPORT_LANGUAGES } from '../utils/codeExport/exportInput';
import { CodeBlock } from './CodeBlock';
import type { ClipboardLike } from './CopyButton';

type Generators = typeof import('../utils/codeExport/generate');
let generators: Promise<Generators> | undefined;
/** The generators are their own chunk: fetched on first use, once per page, so the flow's first load stays small. */
const loadGenerators = (): Promise<Generators> => (generators ??= import('../utils/codeExport/generate'));

export interface CodeExportProps {
  /** The request description and the auth method's inputs (key file, alg, kid, audience mode, certificate files). */
  input: CodeExportInput;
  /** Language selected first; default cURL. */
  defaultLanguage?: ExportLanguage;
  clipboard?: ClipboardLike;
}

function ExportedCode({ language, input, clipboard }: { language: ExportLanguage; input: CodeExportInput; clipboard?: ClipboardLike | undefined }) {
  const { exportCode } = use(loadGenerators());
  let code: string;
  try {
    code = exportCode(language, input);
  } catch (error) {
    // An InputError's message names the field (written by us, no secret); anything else is a bug.
    const message = error instanceof Error && 'field' in error ? error.message : 'This request cannot be exported.';
    return <p role="alert">{message}</p>;
  }
  const title = `${EXPORT_LANGUAGE_LABELS[language]} — ${EXPORT_FILE_NAMES[language]}`;
  return <CodeBlock title={title} code={code} copyLabel="Copy code" language={language} clipboard={clipboard} />;
}

/**
 * A select `Export as` and the code in a region `Exported code` with a `Copy code` button. Presentational: the
 * input comes in as props; the generators are pure functions loaded on demand.
 */
export function CodeExport({ input, defaultLanguage = 'curl', clipboard }: CodeExportProps) {
  const [language, setLanguage] = useState<ExportLanguage>(defaultLanguage);
  const selectId = useId();
  return (
    <section aria-label="Exported code" className="cc-code-export">
      <div className="cc-field">
        <label htmlFor={selectId} className="cc-field__label">
          Export as
        </label>
        <select id={selectId} className="input" value={language} onChange={(e) => setLanguage(e.target.value as ExportLanguage)}>
          {EXPORT_LANGUAGES.map((value) => (
            <option key={value} value={value}>
              {EXPORT_LANGUAGE_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <Suspense fallback={<p role="status">Preparing the export…</p>}>
        <ExportedCode language={language} input={input} clipboard={clipboard} />
      </Suspense>
    </section>
  );
}
