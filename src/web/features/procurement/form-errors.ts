// Field errors from a refused form, for the NHS error summary (each links to its field) and the message
// beside each field. The server's own sentences are kept; schema messages ("must match pattern …") are
// replaced by the field's plain-English message.
import { ApiError } from '../../api/client.ts';

export interface FormErrors { summary: { href?: string; text: string }[]; byField: Record<string, string> }

export const noErrors: FormErrors = { summary: [], byField: {} };

/** fields: API path → [element id, plain message when the schema refuses it]. */
export function formErrors(err: unknown, fields: Record<string, [string, string]>, fieldIdOf?: (path: string) => [string, string] | undefined): FormErrors {
  if (!(err instanceof ApiError)) return { summary: [{ text: String(err) }], byField: {} };
  const byPath = err.fieldErrors();
  const paths = Object.keys(byPath);
  if (!paths.length) return { summary: [{ text: err.problem.detail || err.problem.title }], byField: {} };
  const summary: FormErrors['summary'] = [];
  const byField: Record<string, string> = {};
  for (const path of paths) {
    const known = fields[path] ?? fieldIdOf?.(path);
    const raw = byPath[path]!;
    const text = known && /^(must|is not a known field|is required)/.test(raw) ? known[1] : raw;
    if (known) byField[known[0]] ??= text;
    summary.push(known ? { href: `#${known[0]}`, text } : { text: `${path}: ${text}` });
  }
  return { summary, byField };
}

export const errorFor = (e: FormErrors, id: string) => (e.byField[id] ? { text: e.byField[id]! } : null);
