import { photoMaxBytes, photoTypes } from '@atensi/domain';

export type PhotoType = (typeof photoTypes)[number];
export type PhotoProblem = 'type' | 'size';

/** What is wrong with a chosen file before it is read: its declared type, then its size. */
export const photoProblem = (file: { type: string; size: number }): PhotoProblem | null => {
  if (!(photoTypes as readonly string[]).includes(file.type)) return 'type';
  if (file.size <= 0 || file.size > photoMaxBytes) return 'size';
  return null;
};

/** `data:image/png;base64,AAAA` → `AAAA` (the API takes the bare base64). */
export const base64OfDataUrl = (dataUrl: string): string => {
  const comma = dataUrl.indexOf(',');
  return comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl;
};

export type ReadPhoto = {
  contentType: PhotoType;
  dataBase64: string;
  /** For the preview: a `data:` URL (the page's CSP allows `data:` images, not `blob:`). */
  dataUrl: string;
};

/** Reads a checked file into base64; it stays in memory only and is never stored by the browser. */
export const readPhoto = (file: File): Promise<ReadPhoto> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const dataUrl = typeof reader.result === 'string' ? reader.result : '';
      const dataBase64 = base64OfDataUrl(dataUrl);
      if (!dataBase64) {
        reject(new Error('empty'));
        return;
      }
      resolve({ contentType: file.type as PhotoType, dataBase64, dataUrl });
    };
    reader.readAsDataURL(file);
  });
