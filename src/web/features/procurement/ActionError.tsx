// The error summary for a failed step, with the server's explanation.
import { ErrorSummary } from '../../components/ErrorSummary.tsx';

export function ActionError({ error }: { error: string | null }) {
  return error ? <ErrorSummary errorList={[{ text: error }]} /> : null;
}
