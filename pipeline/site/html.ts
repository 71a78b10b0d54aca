/**
 * The one escaping helper of the site. Every piece of dataset text reaches HTML through `esc` (text
 * and quoted attribute values alike) and every link through `href`, so a transcript that contains
 * `<script>`, `"><img onerror=…>` or a `javascript:` URL renders as inert text.
 */
import { escapeHtml } from '../revisions/render.ts';

/** Text or a double-quoted attribute value, escaped. */
export function esc(value: string | number): string {
  return escapeHtml(String(value));
}

/**
 * An escaped URL for `href`: http(s) URLs from the dataset as they are, site paths as given; any
 * other scheme (`javascript:`, `data:`) becomes `#`, because escaping alone does not stop a click.
 */
export function href(url: string): string {
  if (/^https?:\/\//i.test(url) || url.startsWith('/') || url.startsWith('#')) return esc(url);
  return '#';
}

/** Joins a site path to the base URL (`/` or `/sub/path/`). */
export function sitePath(base: string, path: string): string {
  return `${base}${path.replace(/^\/+/, '')}`;
}

/** The page path of a transcript (`t/<agency>/<date>/<slug>/`), relative to the site root. */
export function transcriptPath(id: string): string {
  return `t/${id}/`;
}
