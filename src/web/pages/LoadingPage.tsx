// Shown for the moment before the session or a page's data has arrived.
export function LoadingPage({ text = 'Loading…' }: { text?: string }) {
  return <p className="nhsuk-body" role="status">{text}</p>;
}
