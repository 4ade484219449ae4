/** Hands bytes to the browser as a download, without the `downloads` permission: a blob link, clicked. */
export function downloadFile(file: { fileName: string; mimeType: string; data: string | Uint8Array }): void {
  const blob = new Blob([file.data as BlobPart], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: Firefox reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
