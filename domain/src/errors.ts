/** The one error shape every API answer uses. `message` is already localised by Accept-Language. */
export type ApiErrorField = { path: string; message: string };
export type ApiError = {
  code: string;
  message: string;
  fields?: ApiErrorField[];
  /** Machine-readable facts about the error, e.g. the id of the record a NIK already belongs to. */
  details?: Record<string, unknown>;
  requestId?: string;
};
