// Links an imported article may keep: absolute http(s) only, resolved against the page's own address.

export function httpUrl(value: string | null | undefined, base?: string): string {
  const text = value?.trim();
  if (!text) return '';
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}
