import type { DownloadedFile } from './api-client';

/**
 * Hands a downloaded file to the browser's "save" (a temporary link with `download`). The file came
 * through the API client, so it carried the token, which a plain `<a href>` cannot.
 */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
