// NHS.UK hint text under a label or legend.
export function Hint({ id, text }: { id: string; text: string }) {
  return <div className="nhsuk-hint" id={id}>{text}</div>;
}
