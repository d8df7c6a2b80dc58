// NHS.UK label; with isPageHeading it is wrapped in the page's h1.
export interface LabelOptions {
  text: string;
  classes?: string;
  isPageHeading?: boolean;
}

export function Label({ htmlFor, label }: { htmlFor: string; label: LabelOptions }) {
  const el = <label className={`nhsuk-label${label.classes ? ` ${label.classes}` : ''}`} htmlFor={htmlFor}>{label.text}</label>;
  return label.isPageHeading ? <h1 className="nhsuk-label-wrapper">{el}</h1> : el;
}
