import type { KnownIdentifiers } from '@atensi/domain';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { type CaseViewer, canSeeCase, canWorkOnCase } from '../cases/case-visibility.ts';
import { type CaseRow, loadCase } from '../cases/cases.service.ts';
import { loadPerson } from '../persons/persons.service.ts';
import { fundraisingError, fundraisingFieldError } from './fundraising.errors.ts';

/**
 * Everything the fundraising module asks of the cases and persons modules, in one place.
 * A campaign is seen and changed by its case's rule: `canSeeCase` to read, `canWorkOnCase`
 * (the assigned worker or the centre head) to change, the head alone to pay out.
 */

export type CaseAccess = 'see' | 'work' | 'head';

export const hasCaseAccess = (viewer: CaseViewer, row: CaseRow, access: CaseAccess): boolean => {
  if (access === 'see') return canSeeCase(viewer, row);
  if (access === 'work') return canWorkOnCase(viewer, row);
  return viewer.headOf.includes(row.centerId);
};

/**
 * The case through the cases service, when the viewer has this access to it; otherwise a
 * 404 as if it did not exist (`notFound` may name the input field that held the case id).
 */
export const caseFor = async (
  db: Db,
  viewer: CaseViewer,
  caseId: string,
  access: CaseAccess,
  notFound: () => Error = () => fundraisingError('fundraising.not_found'),
): Promise<CaseRow> => {
  let row: CaseRow;
  try {
    row = await loadCase(db, caseId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'case.not_found') throw notFound();
    throw error;
  }
  if (!hasCaseAccess(viewer, row, access)) throw notFound();
  return row;
};

/** For creating a campaign: the case named in the body, as a 404 naming `caseId`. */
export const caseToWorkOn = (db: Db, viewer: CaseViewer, caseId: string) =>
  caseFor(db, viewer, caseId, 'work', () => fundraisingFieldError('fundraising.case_not_found', 'caseId'));

/** What the public text must not carry about the case's beneficiary. */
export const beneficiaryIdentifiers = async (db: Db, row: CaseRow): Promise<KnownIdentifiers> => {
  const person = await loadPerson(db, row.personId);
  return { nik: person.nik, kkNumber: person.kkNumber, phone: person.phone };
};

export { visibleCaseIds } from '../cases/cases.service.ts';
