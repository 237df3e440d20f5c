// Saving the drawn diagram as a standalone .svg file (for slides), the way the log drawer saves its JSON export.

/** Saves text as a file: Blob → object URL → a temporary link, then the URL is revoked once the click is handled. */
export function downloadSvgFile(fileName: string, svg: string): void {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The SVG element as a file's text: an XML prolog, and without the page's interaction attributes (roles,
 * tabindex, pressed state), which mean nothing in a picture.
 */
export function svgFileText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  for (const el of [copy, ...copy.querySelectorAll('[tabindex], [role], [aria-pressed]')]) {
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
    el.removeAttribute('aria-pressed');
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** `sequence-diagram-2030-01-01T12-00-00-000Z.svg`: sortable, and valid on every file system. */
export function svgFileName(now: number): string {
  return `sequence-diagram-${new Date(now).toISOString().replace(/[:.]/g, '-')}.svg`;
}
