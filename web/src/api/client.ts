import type { ApiError, ApiErrorField } from '@atensi/domain';
import i18n from '../i18n';

/** Thrown for every non-2xx answer; carries the server's error shape and the HTTP status. */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  readonly status: number;
  readonly code: string;
  readonly fields: ApiErrorField[];
  readonly requestId: string | undefined;
  /** Facts about the error, e.g. `existingPersonId` when a NIK is already registered. */
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ApiError) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.requestId = body.requestId;
    this.details = body.details ?? {};
  }
}

export const isApiError = (e: unknown): e is ApiRequestError => e instanceof ApiRequestError;

/** True for the optimistic-lock answer (`*.version_conflict`, 409). Other 409s (e.g. a taken code) are not. */
export const isVersionConflict = (e: unknown): boolean =>
  isApiError(e) && e.status === 409 && e.code.endsWith('version_conflict');

type Query = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=x`, skipping empty values. */
export const toQueryString = (query: Query | undefined): string => {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** The server's error shape out of an answer body; a body of another shape becomes `http.<status>`. */
export const asApiError = (status: number, body: unknown, fallback: string): ApiError => {
  if (body && typeof body === 'object') {
    const b = body as Partial<ApiError> & { error?: string };
    if (typeof b.message === 'string' && b.message !== '') {
      return {
        code: typeof b.code === 'string' ? b.code : `http.${status}`,
        message: b.message,
        ...(Array.isArray(b.fields) ? { fields: b.fields } : {}),
        ...(typeof b.requestId === 'string' ? { requestId: b.requestId } : {}),
        // Facts the page acts on (the id of the record a NIK belongs to, a wait before retrying).
        ...(b.details && typeof b.details === 'object' && !Array.isArray(b.details)
          ? { details: b.details as Record<string, unknown> }
          : {}),
      };
    }
  }
  return { code: `http.${status}`, message: fallback };
};

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
};

/** The one way the web talks to the API. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'id',
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body,
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, { code: 'network.unreachable', message: i18n.t('errors.network') });
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    throw new ApiRequestError(response.status, asApiError(response.status, parsed, i18n.t('errors.generic')));
  }
  return parsed as T;
}
