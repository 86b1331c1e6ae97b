import { checkPhoto, photoContentType, progressPercent, type PhotoProblem, type UploadStep } from './upload';

/** Where one photo is, for the progress list on screen. */
export interface UploadState {
  name: string;
  step: UploadStep;
  percent: number;
  problem?: PhotoProblem;
  message?: string;
}

async function post(productId: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`/dashboard/produk/${encodeURIComponent(productId)}/foto`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body)
  });
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new Error(typeof data.message === 'string' ? data.message : `HTTP ${response.status}`);
  return data;
}

/** PUT straight to storage with XMLHttpRequest, the one browser API that reports upload progress. */
function put(url: string, file: File, contentType: string, onProgress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('content-type', contentType);
    xhr.upload.onprogress = (event) => onProgress(progressPercent(event.loaded, event.total));
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`HTTP ${xhr.status}`)));
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}

/**
 * Uploads the photos one after the other (cheap phones, slow networks: one at a time is kinder),
 * reporting each step through `update`. Returns how many made it.
 */
export async function uploadPhotos(
  productId: string,
  files: File[],
  update: (index: number, state: UploadState) => void
): Promise<number> {
  let done = 0;
  for (const [index, file] of files.entries()) {
    const base = { name: file.name, percent: 0 };
    const problem = checkPhoto(file);
    if (problem) {
      update(index, { ...base, step: 'error', problem });
      continue;
    }
    try {
      update(index, { ...base, step: 'prepare' });
      const contentType = photoContentType(file);
      const upload = await post(productId, { step: 'prepare', contentType, byteSize: file.size });
      update(index, { ...base, step: 'send' });
      await put(String(upload.uploadUrl), file, contentType, (percent) => update(index, { ...base, step: 'send', percent }));
      update(index, { ...base, step: 'attach', percent: 100 });
      await post(productId, { step: 'attach', key: upload.key, alt: '' });
      update(index, { ...base, step: 'done', percent: 100 });
      done++;
    } catch (cause) {
      update(index, { ...base, step: 'error', message: (cause as Error).message });
    }
  }
  return done;
}
