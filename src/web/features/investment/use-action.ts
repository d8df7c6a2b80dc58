// Runs a form action against the API: busy while it runs, field errors and a summary if it fails.
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  async function run<T>(fn: () => Promise<T>): Promise<T | null> {
    setBusy(true); setErrors({}); setProblem(null);
    try {
      return await fn();
    } catch (err) {
      if (err instanceof ApiError) { setErrors(err.fieldErrors()); setProblem(err.problem.detail || err.problem.title); } else setProblem(String(err));
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, errors, problem, run };
}
