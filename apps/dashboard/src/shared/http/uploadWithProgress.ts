import { sessionRefresher } from '../../app/auth/session';

export interface UploadResult<T> {
  status: number;
  body: T | null;
}

/**
 * POSTs one file as multipart field `file` with the session's bearer token, reporting upload
 * progress (XMLHttpRequest: fetch has no upload progress). Resolves with the status and the JSON
 * body; rejects only on a network failure.
 */
export async function uploadWithProgress<T>(url: string, file: File, onProgress: (percent: number) => void): Promise<UploadResult<T>> {
  const session = await sessionRefresher.sessionForRequest();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (session) xhr.setRequestHeader('Authorization', `Bearer ${session.accessToken}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: T | null;
      try {
        body = JSON.parse(xhr.responseText) as T;
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('network'));
    const data = new FormData();
    data.append('file', file);
    xhr.send(data);
  });
}

/** Downloads a protected file (bearer token) and hands it to the browser as a save. */
export async function downloadFile(url: string, fallbackName: string): Promise<boolean> {
  const session = await sessionRefresher.sessionForRequest();
  const response = await fetch(url, { headers: session ? { Authorization: `Bearer ${session.accessToken}` } : {} });
  if (!response.ok) return false;
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return true;
}
