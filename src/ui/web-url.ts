const WEB_URL = /^https?:\/\//i;

/**
 * The URL when it is an http(s) address, else undefined. Fields outside the article body are untrusted too (an
 * imported file can hold anything), so only web URLs become links and images.
 */
export function webUrl(url: string | null | undefined): string | undefined {
  const trimmed = url?.trim();
  return trimmed && WEB_URL.test(trimmed) ? trimmed : undefined;
}
