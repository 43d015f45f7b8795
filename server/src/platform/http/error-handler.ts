import { validateHeaderValue } from 'node:http';
import type { ApiError } from '@atensi/domain';
import { localisedFieldErrors } from '@atensi/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError, commonError } from '../errors/app-error.ts';
import { requestLanguage } from './language.ts';

type SchemaPart = 'body' | 'querystring' | 'params' | 'headers';

/**
 * Headers the route set for the answer it meant to send (a file's name and type) do not belong
 * on an error, and one that cannot be written (an invalid character) would make the error
 * itself fail and go out in Fastify's raw shape: an error answer keeps only valid headers.
 */
const clearAnswerHeaders = (reply: FastifyReply) => {
  // A failed write may have left headers on the raw response too (Node sets them one by one).
  const remove = (name: string) => {
    reply.removeHeader(name);
    if (!reply.raw.headersSent) reply.raw.removeHeader(name);
  };
  remove('content-disposition');
  remove('content-type');
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    try {
      // Node checks numbers and lists too; its type says string only.
      validateHeaderValue(name, value as string);
    } catch {
      remove(name);
    }
  }
};

const sendAppError = (request: FastifyRequest, reply: FastifyReply, error: AppError) => {
  clearAnswerHeaders(reply);
  const lang = requestLanguage(request);
  const body: ApiError = { code: error.code, message: error.messageIn(lang), requestId: request.id };
  const fields = error.fieldsIn(lang);
  if (fields) body.fields = fields;
  if (error.details) body.details = error.details;
  return reply.status(error.status).header('cache-control', 'no-store').send(body);
};

/**
 * Errors Fastify's router raises before any route runs (a path segment that is not valid
 * percent-encoded UTF-8, one longer than `maxParamLength`): the same error shape as the rest,
 * not Fastify's own. Pass as the `frameworkErrors` option.
 */
export const frameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  request.log.info({ err: { code: error.code } }, 'client error');
  reply.header('x-request-id', request.id);
  const known = error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  return sendAppError(
    request,
    reply,
    known ? commonError('request.bad_url') : commonError('server.internal', { requestId: request.id }),
  );
};

/**
 * One error handler: AppError as it is; Zod validation → 400 naming each field in the
 * caller's language; Fastify's own 4xx mapped to our codes; anything else → 500 that
 * leaks nothing and is logged with the request id.
 */
export const installErrorHandler = (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendAppError(request, reply, error);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const lang = requestLanguage(request);
      const part = (error.validationContext ?? 'body') as SchemaPart;
      const schema = request.routeOptions.schema?.[part] as z.ZodType | undefined;
      const data =
        part === 'querystring' ? request.query : part === 'params' ? request.params : request[part];
      const fields = (schema && localisedFieldErrors(schema, data, lang)) ?? [
        { path: '', message: error.message },
      ];
      const names = fields.map((f) => f.path || part).join(', ');
      const appError = commonError('request.validation_failed', { fields: names });
      const body: ApiError = {
        code: appError.code,
        message: appError.messageIn(lang),
        fields,
        requestId: request.id,
      };
      clearAnswerHeaders(reply);
      return reply.status(400).header('cache-control', 'no-store').send(body);
    }

    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendAppError(request, reply, commonError('request.too_large'));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendAppError(request, reply, commonError('request.unsupported_media_type'));
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendAppError(request, reply, commonError('request.malformed'));
    }
    if (error.statusCode === 429) {
      return sendAppError(request, reply, commonError('request.rate_limited', { seconds: 60 }));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // The code and status only: a parser's message may quote the body it refused.
      request.log.info({ clientError: { code: error.code, statusCode: error.statusCode } }, 'client error');
      return sendAppError(request, reply, commonError('request.malformed'));
    }

    // The `err` serializer (logger.ts → safe-error.ts) keeps codes and SQL text, never values.
    request.log.error({ err: error }, 'unhandled error');
    return sendAppError(request, reply, commonError('server.internal', { requestId: request.id }));
  });
};
