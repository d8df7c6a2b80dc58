// The one definition of chart and tag colours: nhsuk-frontend's palette (core/settings/_colours-palette)
// and, for HTML, the nhsuk-tag modifier that carries the same meaning. Benchmark outcomes, SPC point
// types and trajectory status map here; nothing else picks a colour.
export const NHS = {
  blue: '#005eb8', darkBlue: '#003087', green: '#007f3b', red: '#d5281b', warmYellow: '#ffb81c', orange: '#ed8b00',
  black: '#212b32',
  // nhsuk-tag--green and nhsuk-tag--red text colours (nhsuk-shade of green 40%, of red 50%): the 99.8% outcomes.
  darkGreen: '#004c23', darkRed: '#6b140e', grey1: '#4c6272', grey2: '#768692', grey3: '#aeb7bd', grey4: '#d8dde0', grey5: '#f0f4f5', white: '#ffffff',
} as const;

export type TagColour = 'white' | 'grey' | 'green' | 'aqua-green' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

interface Style { label: string; hex: string; tag: TagColour }

/** Benchmark outcomes (src/stats/compare BenchmarkOutcome), in legend order. */
export const OUTCOME_STYLES: Record<string, Style> = {
  best: { label: 'Best (99.8%)', hex: NHS.darkGreen, tag: 'green' },
  better: { label: 'Better (95%)', hex: NHS.green, tag: 'green' },
  similar: { label: 'Similar', hex: NHS.warmYellow, tag: 'orange' },
  worse: { label: 'Worse (95%)', hex: NHS.red, tag: 'red' },
  worst: { label: 'Worst (99.8%)', hex: NHS.darkRed, tag: 'red' },
  lower: { label: 'Lower', hex: NHS.blue, tag: 'blue' },
  higher: { label: 'Higher', hex: NHS.darkBlue, tag: 'blue' },
  'not-compared': { label: 'Not compared', hex: NHS.grey3, tag: 'grey' },
};

export function outcomeStyle(outcome: string | null | undefined): Style {
  return OUTCOME_STYLES[outcome ?? 'not-compared'] ?? OUTCOME_STYLES['not-compared'];
}

/** Vega-Lite colour scale for benchmark outcomes (only the outcomes present, so the legend stays short). */
export function outcomeScale(present: Iterable<string>) {
  const keys = Object.keys(OUTCOME_STYLES).filter((k) => new Set(present).has(k));
  return { domain: keys.map((k) => OUTCOME_STYLES[k].label), range: keys.map((k) => OUTCOME_STYLES[k].hex) };
}

/** Making Data Count point colours: improvement blue, concern orange, common cause grey. */
export const SPC_STYLES: Record<string, Style> = {
  'common-cause': { label: 'Common cause', hex: NHS.grey2, tag: 'grey' },
  'special-cause-improvement': { label: 'Special cause: improvement', hex: NHS.blue, tag: 'blue' },
  'special-cause-concern': { label: 'Special cause: concern', hex: NHS.orange, tag: 'orange' },
  'special-cause-neutral-high': { label: 'Special cause: neutral (high)', hex: NHS.darkBlue, tag: 'purple' },
  'special-cause-neutral-low': { label: 'Special cause: neutral (low)', hex: NHS.darkBlue, tag: 'purple' },
};

export const TRAJECTORY_STYLES: Record<string, Style> = {
  'ahead-of-trajectory': { label: 'Ahead of trajectory', hex: NHS.green, tag: 'green' },
  'on-trajectory': { label: 'On trajectory', hex: NHS.green, tag: 'aqua-green' },
  'off-trajectory': { label: 'Off trajectory', hex: NHS.red, tag: 'red' },
  'not-assessed': { label: 'Not assessed yet', hex: NHS.grey3, tag: 'grey' },
};

export const ASSURANCE_LABELS: Record<string, { label: string; tag: TagColour }> = {
  'consistently-pass': { label: 'Consistently passing', tag: 'green' },
  'consistently-fail': { label: 'Consistently failing', tag: 'red' },
  inconsistent: { label: 'Inconsistent (hit and miss)', tag: 'orange' },
};

export const TREND_LABELS: Record<string, string> = {
  'increasing-and-getting-better': 'Increasing and getting better', 'increasing-and-getting-worse': 'Increasing and getting worse',
  'decreasing-and-getting-better': 'Decreasing and getting better', 'decreasing-and-getting-worse': 'Decreasing and getting worse',
  increasing: 'Increasing', decreasing: 'Decreasing', 'no-significant-change': 'No significant change', 'cannot-be-calculated': 'Cannot be calculated',
};

/** Making Data Count variation icons, in words. */
export const VARIATION_LABELS: Record<string, string> = {
  'common-cause': 'common cause variation', 'improvement-high': 'special cause improvement (high)', 'improvement-low': 'special cause improvement (low)',
  'concern-high': 'special cause concern (high)', 'concern-low': 'special cause concern (low)', 'neutral-high': 'special cause (high)', 'neutral-low': 'special cause (low)',
};
