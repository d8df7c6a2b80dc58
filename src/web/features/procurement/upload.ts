// Multipart uploads to the procurement API (the JSON client does not send files): same origin, the
// session's CSRF header, and problem details turned into ApiError like every other call.
import { ApiError } from '../../api/client.ts';

export async function uploadForm<T>(path: string, form: FormData, csrfToken: string | null | undefined): Promise<T> {
  const res = await fetch(`/api${path}`, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken ?? '', accept: 'application/json' } });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new ApiError({ type: 'about:blank', title: 'Upload refused', detail: `The server answered ${res.status}.`, ...body, status: res.status });
  }
  return (await res.json()) as T;
}
