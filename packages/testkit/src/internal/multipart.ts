/** The parts of a multipart/form-data body the fake server needs. */
export interface MultipartForm {
  /** Text fields; a repeated name (e.g. `timestamp_granularities[]`) joins its values with ",". */
  fields: Record<string, string>;
  /** Total bytes of the file parts. */
  fileBytes: number;
  /** The file name of the first file part. */
  fileName?: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Parses a multipart/form-data body; undefined when the content type has no boundary. */
export function parseMultipart(body: Buffer, contentType: string): MultipartForm | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const form: MultipartForm = { fields: {}, fileBytes: 0 };
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    const partStart = position + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    // A part is "\r\n" headers "\r\n\r\n" content "\r\n" before the next delimiter.
    const part = body.subarray(partStart + 2, Math.max(partStart + 2, next - 2));
    addPart(form, part);
    position = next;
  }
  return form;
}

function addPart(form: MultipartForm, part: Buffer): void {
  const headerEnd = part.indexOf(HEADER_END);
  if (headerEnd === -1) return;
  const headers = part.subarray(0, headerEnd).toString('utf8');
  const content = part.subarray(headerEnd + HEADER_END.length);
  const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  if (fileName !== undefined || name === 'file') {
    form.fileBytes += content.length;
    if (fileName !== undefined) form.fileName ??= fileName;
    return;
  }
  if (name === undefined) return;
  const value = content.toString('utf8');
  const previous = form.fields[name];
  form.fields[name] = previous === undefined ? value : `${previous},${value}`;
}
