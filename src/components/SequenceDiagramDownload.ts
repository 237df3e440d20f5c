// Saving the drawn diagram as a standalone .svg file (for slides), the way the log drawer saves its JSON export.
import { downloadFile, timestampedFileName } from './downloadFile';

/** The diagram as an .svg file. */
export function downloadSvgFile(fileName: string, svg: string): void {
  downloadFile(fileName, svg, 'image/svg+xml');
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

/** `sequence-diagram-2030-01-01T12-00-00-000Z.svg`. */
export function svgFileName(now: number): string {
  return timestampedFileName('sequence-diagram', now, 'svg');
}
