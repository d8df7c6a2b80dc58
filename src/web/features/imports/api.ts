// The imports API as the upload page uses it: the multipart upload (through XMLHttpRequest, which
// reports upload progress; fetch does not), the job it starts, and the provenance list.
import { ApiError, type ApiClient } from '../../api/client.ts';
import type { Problem } from '../../api/types.ts';

export interface ImportRow {
  id: string;
  kind: string;
  fileName: string;
  sha256: string;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  hasRejectFile: boolean;
  orgCode: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
}

/** What the import job ends with (the same result the CLI prints). */
export interface ImportResult {
  status: 'imported' | 'unchanged' | 'invalid';
  kind: string;
  fileName: string;
  importId: string | null;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  errorCount: number;
  errors: string[];
  rejectFile: string | null;
  message: string;
}

export interface Job {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progressDone: number;
  progressTotal: number | null;
  message: string | null;
  result: ImportResult | null;
  error: string | null;
}

export interface UploadRequest {
  kind: string;
  file: File;
  skipInvalid: boolean;
  mapping?: string;
  indicatorId?: string;
  imdYear?: string;
  orgCode?: string;
}

export const importsApi = {
  list: (api: ApiClient) => api.request<{ imports: ImportRow[] }>('GET', '/imports?limit=100'),
  job: (api: ApiClient, id: string) => api.request<Job>('GET', `/jobs/${encodeURIComponent(id)}`),
};

export const rejectsUrl = (importId: string) => `/api/imports/${encodeURIComponent(importId)}/rejects`;

/** The form fields in the order the server reads them; the file goes last so the fields are known first. */
export function uploadForm(req: UploadRequest): FormData {
  const form = new FormData();
  form.append('kind', req.kind);
  if (req.skipInvalid) form.append('skipInvalid', 'true');
  if (req.mapping?.trim()) form.append('mapping', req.mapping.trim());
  if (req.indicatorId?.trim()) form.append('indicatorId', req.indicatorId.trim());
  if (req.imdYear?.trim()) form.append('imdYear', req.imdYear.trim());
  if (req.orgCode) form.append('orgCode', req.orgCode);
  form.append('file', req.file, req.file.name);
  return form;
}

function problemOf(xhr: XMLHttpRequest): Problem {
  const fallback: Problem = { type: 'about:blank', title: xhr.statusText || 'Error', status: xhr.status, detail: `The server answered ${xhr.status}.` };
  try {
    return { ...fallback, ...(JSON.parse(xhr.responseText) as Partial<Problem>), status: xhr.status };
  } catch {
    return fallback;
  }
}

/** Sends the file; `onProgress` gets the fraction uploaded. Resolves with the job id, or rejects with an ApiError. */
export function uploadImport(req: UploadRequest, csrfToken: string | null, onProgress: (fraction: number) => void): Promise<{ jobId: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      if (xhr.status === 202) {
        try {
          resolve(JSON.parse(xhr.responseText) as { jobId: string });
        } catch {
          reject(new ApiError(problemOf(xhr)));
        }
      } else {
        reject(new ApiError(problemOf(xhr)));
      }
    };
    xhr.onerror = () => reject(new ApiError({ type: 'about:blank', title: 'Service unavailable', status: 0, detail: 'The upload did not reach the service. Check your connection and try again.' }));
    xhr.send(uploadForm(req));
  });
}
