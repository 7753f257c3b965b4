/** Parsing of the response headers a range reader depends on. Pure functions. */

/** `bytes START-END/TOTAL`; undefined when absent, malformed or the total is unknown (`*`). */
export function parseContentRange(value: string | null): { start: number, end: number, total: number } | undefined {
  const match = value === null ? null : /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value.trim())
  if (match === null) return undefined
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (![start, end, total].every(Number.isSafeInteger) || start > end || end >= total) return undefined
  return { start, end, total }
}

/** The validators that identify one version of the object. */
export interface Pin {
  readonly etag?: string
  readonly lastModified?: string
}

export function pinOf(headers: Headers): Pin {
  const etag = headers.get('etag') ?? undefined
  const lastModified = headers.get('last-modified') ?? undefined
  return { ...(etag !== undefined ? { etag } : {}), ...(lastModified !== undefined ? { lastModified } : {}) }
}

/** A sha256 in an ETag-like header (`"abc…"`, the Hub's X-Linked-Etag of LFS files), else undefined. */
export function sha256Of(value: string | null): string | undefined {
  const match = value === null ? null : /^(?:W\/)?"?([0-9a-f]{64})"?$/i.exec(value.trim())
  return match === null ? undefined : match[1]!.toLowerCase()
}
