// Runs a change through the API and keeps its error (problem details) for the error summary.
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';

export function useAction(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(fn: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.problem.detail || err.problem.title : String(err));
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run };
}
