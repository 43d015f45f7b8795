import {
  addFamilyMemberInput,
  createPersonInput,
  duplicateCandidateSchema,
  duplicateQuery,
  mergePersonsInput,
  personPage,
  personSchema,
  personSearchInput,
  updatePersonInput,
} from '@atensi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { type Actor, centerScope } from '../../platform/policy/policy.ts';
import { caseViewer } from '../cases/case-visibility.ts';
import { personsServedAt, reassignCases, servedElsewhere } from '../cases/cases.service.ts';
import { addFamilyMember, removeFamilyMember } from './family.ts';
import { findDuplicates } from './find-duplicates.ts';
import { mergePersons } from './merge-persons.ts';
import { personPolicy } from './persons.policy.ts';
import {
  createPerson,
  type PersonScope,
  readPerson,
  searchPersons,
  updatePerson,
} from './persons.service.ts';

const idParams = z.object({ id: z.uuid() });
const bodyCenter = (request: { body: unknown }) =>
  (request.body as { centerId?: string } | undefined)?.centerId;

export const personRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  /** The person as this answer's reader may see them, with the other centres serving them. */
  const read = (
    request: { auditContext: AuditContext; actor: Actor | null },
    id: string,
    scope: PersonScope,
  ) =>
    readPerson({
      db,
      context: request.auditContext,
      id,
      scope,
      servedBy: personsServedAt,
      servedElsewhere: (tx, personId, registeredAt) =>
        servedElsewhere(tx, personId, registeredAt, caseViewer(request.actor!)),
    });

  // Search is a POST: names and NIKs stay out of URLs, browser history and access logs.
  app.post('/api/persons/search', {
    config: { policy: personPolicy.search },
    schema: {
      tags: ['persons'],
      summary: 'Cari penerima manfaat (nama, NIK)',
      body: personSearchInput,
      response: { 200: personPage },
    },
    handler: (request) =>
      searchPersons(db, request.body, centerScope(request.actor, personPolicy.search), personsServedAt),
  });

  app.post('/api/persons/duplicates', {
    config: { policy: personPolicy.findDuplicates },
    schema: {
      tags: ['persons'],
      summary: 'Calon data ganda (ringkasan tersamar, seluruh Indonesia)',
      body: duplicateQuery,
      response: { 200: z.object({ items: z.array(duplicateCandidateSchema) }) },
    },
    handler: async (request) => ({ items: await findDuplicates(db, request.body) }),
  });

  app.post('/api/persons', {
    config: { policy: personPolicy.create, resourceCenterId: bodyCenter },
    schema: {
      tags: ['persons'],
      summary: 'Daftarkan penerima manfaat',
      body: createPersonInput,
      response: { 201: personSchema },
    },
    handler: async (request, reply) => {
      const id = await createPerson({
        db,
        context: request.auditContext,
        input: request.body,
        servedBy: personsServedAt,
      });
      const person = await read(request, id, 'all');
      return reply.status(201).send(person);
    },
  });

  app.get('/api/persons/:id', {
    config: { policy: personPolicy.read },
    schema: {
      tags: ['persons'],
      summary: 'Data lengkap penerima manfaat (pembacaan dicatat di log audit)',
      params: idParams,
      response: { 200: personSchema },
    },
    handler: (request) => read(request, request.params.id, centerScope(request.actor, personPolicy.read)),
  });

  app.put('/api/persons/:id', {
    config: { policy: personPolicy.update },
    schema: {
      tags: ['persons'],
      summary: 'Ubah data penerima manfaat (dengan versi)',
      params: idParams,
      body: updatePersonInput,
      response: { 200: personSchema },
    },
    handler: async (request) => {
      const scope = centerScope(request.actor, personPolicy.update);
      await updatePerson({
        db,
        context: request.auditContext,
        id: request.params.id,
        input: request.body,
        scope,
        servedBy: personsServedAt,
      });
      return read(request, request.params.id, scope);
    },
  });

  app.post('/api/persons/:id/family', {
    config: { policy: personPolicy.update },
    schema: {
      tags: ['persons'],
      summary: 'Tambah anggota keluarga',
      params: idParams,
      body: addFamilyMemberInput,
      response: { 200: personSchema },
    },
    handler: async (request) => {
      const scope = centerScope(request.actor, personPolicy.update);
      await addFamilyMember({
        db,
        context: request.auditContext,
        personId: request.params.id,
        ...request.body,
        scope,
        servedBy: personsServedAt,
      });
      return read(request, request.params.id, scope);
    },
  });

  app.delete('/api/persons/:id/family/:relatedPersonId', {
    config: { policy: personPolicy.update },
    schema: {
      tags: ['persons'],
      summary: 'Hapus tautan anggota keluarga',
      params: z.object({ id: z.uuid(), relatedPersonId: z.uuid() }),
      response: { 200: personSchema },
    },
    handler: async (request) => {
      const scope = centerScope(request.actor, personPolicy.update);
      await removeFamilyMember({
        db,
        context: request.auditContext,
        personId: request.params.id,
        relatedPersonId: request.params.relatedPersonId,
        scope,
      });
      return read(request, request.params.id, scope);
    },
  });

  app.post('/api/persons/merge', {
    config: { policy: personPolicy.merge },
    schema: {
      tags: ['persons'],
      summary: 'Gabungkan dua data yang sama orangnya',
      body: mergePersonsInput,
      response: { 200: personSchema },
    },
    handler: async (request) => {
      const scope = centerScope(request.actor, personPolicy.merge);
      await mergePersons({
        db,
        context: request.auditContext,
        input: request.body,
        scope,
        moveRecords: [reassignCases],
      });
      return read(request, request.body.survivorId, scope);
    },
  });
};
