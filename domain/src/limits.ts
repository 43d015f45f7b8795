/** Limits shared by the forms and the API, so both refuse the same thing. */
export const limits = {
  passwordMin: 12,
  passwordMax: 128,
  nameMax: 200,
  codeMax: 30,
  phoneMax: 20,
  emailMax: 254,
  addressMax: 500,
  searchMax: 100,
  pageSizeDefault: 20,
  pageSizeMax: 100,
  bedsMax: 10_000,
} as const;
