// The progress line for an import: the server's phase word as a sentence, with the percentage.
const phases: Record<string, string> = {
  uploading: 'Uploading the file',
  queued: 'Waiting for the import to start',
  hashing: 'Checking whether this file was imported before',
  reading: 'Reading the file',
  validating: 'Checking every row',
  valid: 'Every row is valid',
  writing: 'Writing the rows',
  written: 'Rows written',
  recording: 'Recording the import',
  imported: 'Imported',
  unchanged: 'Already imported',
};

/** "Checking every row (57%)"; an unknown phase (e.g. "12 errors") is shown as the server wrote it. */
export function phaseText(phase: string | null, percent: number): string {
  const words = phase ? phases[phase] ?? phase : 'Starting';
  return `${words} (${Math.round(percent)}%)`;
}

/** The whole percentage of a job's progress, 0–100. */
export function jobPercent(done: number, total: number | null): number {
  if (!total || total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}
