const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref_src|cmpid|ocid)$/i;

/** Removes tracking parameters and the fragment; keeps everything that selects content. */
export function stripTrackingParams(href: string): string {
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    return href;
  }
  parsed.hash = '';
  // forEach, not an iterator: in a Firefox content script URLSearchParams is an Xray wrapper whose keys() iterator
  // is "not iterable", which failed every extraction there.
  const keys: string[] = [];
  parsed.searchParams.forEach((_value, key) => keys.push(key));
  for (const key of keys) {
    if (TRACKING_PARAM.test(key)) parsed.searchParams.delete(key);
  }
  return parsed.toString();
}

/** The URL's host without `www.`, or null when it is not a URL. */
export function hostOf(href: string): string | null {
  try {
    return new URL(href).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The site's own label in a host: the one before the public suffix, which may have two parts (`entermedia.co.kr`, `bbc.co.uk`). */
export function siteLabel(host: string): string | undefined {
  const labels = host.split('.');
  const suffixLength = labels.length >= 3 && /^(?:co|com|net|org|or|ne|ac|go|gov|edu)$/.test(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 2 : 1;
  return labels[labels.length - 1 - suffixLength];
}

export function absoluteUrl(href: string, base: string): string | null {
  try {
    return new URL(href, base).toString();
  } catch {
    return null;
  }
}

/** `<link rel=canonical>`, else `og:url`, else the page URL — always on http(s), tracking stripped. */
export function canonicalUrl(doc: Document, pageUrl: string): string {
  const candidates = [
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url" i]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const resolved = absoluteUrl(candidate.trim(), pageUrl);
    if (resolved && /^https?:/i.test(resolved)) return stripTrackingParams(resolved);
  }
  return stripTrackingParams(pageUrl);
}
