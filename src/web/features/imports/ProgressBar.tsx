// The progress of an upload or import job: a native <progress> (role progressbar, its value read out
// as a percentage) labelled by the file name, the phase and percentage as text, and a polite live
// region that announces each new phase once rather than every percent.
import { phaseText } from './phase.ts';

export function ProgressBar({ label, percent, phase }: { label: string; percent: number; phase: string | null }) {
  return (
    <div className="nhsuk-form-group" data-testid="import-progress">
      <p className="nhsuk-label nhsuk-label--s" id="import-progress-label">{label}</p>
      <progress id="import-progress" max={100} value={percent} aria-labelledby="import-progress-label"
        aria-describedby="import-progress-text" style={{ display: 'block', width: '100%', height: '1.5rem' }}>
        {percent}%
      </progress>
      <p className="nhsuk-body nhsuk-u-margin-top-2" id="import-progress-text">{phaseText(phase, percent)}</p>
      <p className="nhsuk-u-visually-hidden" aria-live="polite">{phaseText(phase, percent).replace(/ \(\d+%\)$/, '')}</p>
    </div>
  );
}
