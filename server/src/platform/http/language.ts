import type { FastifyRequest } from 'fastify';
import type { Language } from '../errors/app-error.ts';

/** Bahasa Indonesia unless the client prefers English over it. */
export const requestLanguage = (request: Pick<FastifyRequest, 'headers'>): Language => {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string' || header === '') return 'id';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((l) => l.tag !== '' && !Number.isNaN(l.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
    if (tag.startsWith('en')) return 'en';
  }
  return 'id';
};
