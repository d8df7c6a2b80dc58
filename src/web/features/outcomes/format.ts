// Display helpers for the outcomes pages: numbers and the labels/tags of server-computed outcomes.
export const fmt = (v: number | null | undefined, dp = 1): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toLocaleString('en-GB', { minimumFractionDigits: dp, maximumFractionDigits: dp });

export const pct = (v: number | null | undefined, dp = 1): string => (v === null || v === undefined ? '–' : `${fmt(v * 100, dp)}%`);

export const basisLabels: Record<string, string> = {
  'best-quartile': 'National best quartile', 'best-decile': 'National best decile', 'best-observed': 'Best PCT nationally',
  'peer-best-quartile': 'Peers\u2019 best quartile', 'peer-best-decile': 'Peers\u2019 best decile', 'peer-best-observed': 'Best peer', custom: 'Own target',
};

export const statusLabels: Record<string, { text: string; colour: 'grey' | 'blue' | 'orange' | 'green' | 'white' }> = {
  'not-started': { text: 'Not started', colour: 'white' }, draft: { text: 'Draft', colour: 'grey' }, submitted: { text: 'Submitted to SHA', colour: 'blue' },
  returned: { text: 'Returned by SHA', colour: 'orange' }, approved: { text: 'Approved (locked)', colour: 'green' },
};
