import type { ApiError } from '@atensi/domain';
import { localisedFieldErrors } from '@atensi/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError, commonError } from '../errors/app-error.ts';
import { requestLanguage } from './language.ts';

type SchemaPart = 'body' | 'querystring' | 'params' | 'headers';

const sendAppError = (request: FastifyRequest, reply: FastifyReply, error: AppError) => {
  const lang = requestLanguage(request);
  const body: ApiError = { code: error.code, message: error.messageIn(lang), requestId: request.id };
  const fields = error.fieldsIn(lang);
  if (fields) body.fields = fields;
  if (error.details) body.details = error.details;
  return reply.status(error.status).header('cache-control', 'no-store').send(body);
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
