// Every export of the one request description, by language: what the CodeExport component loads on demand.
import { toCurl } from '../oauth/curl';
import { toFetchSnippet } from '../oauth/fetchSnippet';
import { toCsharpProgram } from './csharpProgram';
import type { CodeExportInput, ExportLanguage } from './exportInput';
import { toGoProgram } from './goProgram';
import { toJavaProgram } from './javaProgram';
import { toNodeProgram } from './nodeProgram';
import { toPowershellProgram } from './powershellProgram';
import { toPythonProgram } from './pythonProgram';

const GENERATORS: Readonly<Record<ExportLanguage, (input: CodeExportInput) => string>> = {
  curl: (input) => toCurl(input.description, { reveal: input.reveal === true, clientCertificate: input.clientCertificate }),
  fetch: (input) => toFetchSnippet(input.description, { reveal: input.reveal === true }),
  node: toNodeProgram,
  python: toPythonProgram,
  go: toGoProgram,
  java: toJavaProgram,
  csharp: toCsharpProgram,
  powershell: toPowershellProgram,
};

/**
 * The code for `language`, made from the input's one request description. cURL and fetch copy the request as it
 * is (credentials as placeholders unless revealed); the programs compute their own credentials at run time.
 * @throws InputError when the description and the auth method disagree (see requestPartsOf)
 */
export function exportCode(language: ExportLanguage, input: CodeExportInput): string {
  return GENERATORS[language](input);
}
