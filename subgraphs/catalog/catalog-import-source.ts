// Reading an import file an admin named by URL: http(s) only, answered 200 within a time limit,
// at most a size limit (counted as it arrives, whatever Content-Length says), UTF-8 text.

/** Why the file could not be read; the import fails with FILE_UNREADABLE and this message. */
export class UnreadableFile extends Error {}

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
}

/** Bytes as UTF-8 text (a byte-order mark is left for the CSV reader to skip); anything else is unreadable. */
export function utf8Text(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UnreadableFile('the file is not UTF-8 text');
  }
}

/** The file's text; `stop` (a shutdown) abandons the fetch with its reason. */
export async function fetchImportFile(url: string, { maxBytes, timeoutMs }: FetchLimits, stop?: AbortSignal): Promise<string> {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol !== 'http:' && protocol !== 'https:') throw new UnreadableFile('the URL is not an http(s) URL');
  const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(stop ? [stop] : [])]);
  const tooSlow = () => (stop?.aborted ? stop.reason : new UnreadableFile(`the URL did not send the file within ${timeoutMs} ms`));
  const tooLarge = new UnreadableFile(`the file is larger than ${maxBytes} bytes`);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'text/csv, text/plain;q=0.9, */*;q=0.1' } });
  } catch (err) {
    if (signal.aborted) throw tooSlow();
    throw new UnreadableFile(`the URL could not be fetched (${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message})`);
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new UnreadableFile(`the URL answered ${response.status}, not 200`);
  }
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      // Leaving the loop cancels the rest of the body.
      if (size > maxBytes) throw tooLarge;
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof UnreadableFile) throw err;
    if (signal.aborted) throw tooSlow();
    throw new UnreadableFile(`the file could not be read to its end (${(err as Error).message})`);
  }
  return utf8Text(Buffer.concat(chunks));
}
