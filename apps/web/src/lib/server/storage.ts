/**
 * PUTs a posted file to the presigned URL the API made for it, from the storefront's server: the
 * way a photo goes up when the browser has no JavaScript (with it, the browser PUTs it itself).
 */
export async function putToStorage(uploadUrl: string, file: File, contentType: string): Promise<void> {
  const put = await fetch(uploadUrl, { method: 'PUT', headers: { 'content-type': contentType }, body: new Uint8Array(await file.arrayBuffer()) });
  if (!put.ok) throw new Error(`storage answered HTTP ${put.status}`);
}
