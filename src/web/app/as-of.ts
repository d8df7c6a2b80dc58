// The date the organisation tree is shown for. The default is the start of 2009/10, in the middle
// of the World Class Commissioning programme (2008–2011).
export const DEFAULT_AS_OF = '2009-04-01';

export function asOfFrom(params: URLSearchParams): string {
  const v = params.get('asOf');
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : DEFAULT_AS_OF;
}

export function orgHref(code: string, asOf: string): string {
  return `/orgs/${encodeURIComponent(code)}${asOf === DEFAULT_AS_OF ? '' : `?asOf=${asOf}`}`;
}

export function browserHref(asOf: string): string {
  return `/orgs${asOf === DEFAULT_AS_OF ? '' : `?asOf=${asOf}`}`;
}
