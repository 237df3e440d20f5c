// Saving text the page made as a file (the log export, the sequence diagram for slides).

/** Saves text as a file: Blob → object URL → a temporary link, then the URL is revoked once the click is handled. */
export function downloadFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, so the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `<prefix>-2030-01-01T12-00-00-000Z.<extension>`: sortable, and valid on every file system. */
export function timestampedFileName(prefix: string, now: number, extension: string): string {
  return `${prefix}-${new Date(now).toISOString().replace(/[:.]/g, '-')}.${extension}`;
}
