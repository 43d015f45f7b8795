import { partnerInput } from '@atensi/domain';
import { describe, expect, it } from 'vitest';
import { canManagePartner, emptyPartnerValues, valuesToInput } from './partnerFormValues';

const centerId = '0190a2b3-1c2d-7e8f-9a0b-1c2d3e4f5a6b';

describe('partner form values', () => {
  it('an empty form fails on the required fields', () => {
    const result = partnerInput.safeParse(valuesToInput(emptyPartnerValues()));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'kind', 'centerId', 'regionCode', 'services']));
  });

  it('an accredited LKS needs the date it is valid until', () => {
    const values = {
      ...emptyPartnerValues(centerId),
      name: 'LKS Harapan Bangsa',
      kind: 'child' as const,
      regionCode: '32',
      services: ['child' as const],
      accreditation: 'B' as const,
    };
    const missing = partnerInput.safeParse(valuesToInput(values));
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['accreditedUntil']);
    const ok = partnerInput.safeParse(valuesToInput({ ...values, accreditedUntil: '2027-12-31' }));
    expect(ok.success).toBe(true);
    expect(ok.data).toMatchObject({
      phone: null,
      email: null,
      capacity: null,
      accreditedUntil: '2027-12-31',
    });
  });

  it('drops the date when the LKS is not accredited', () => {
    const input = valuesToInput({
      ...emptyPartnerValues(),
      accreditation: 'none',
      accreditedUntil: '2027-01-01',
    });
    expect(input.accreditedUntil).toBeNull();
  });

  it('the head manages only the LKS of their own centre', () => {
    const head = {
      permissions: ['partner.manage'],
      roles: [{ role: 'center_head' as const, centerId, centerName: 'Bekasi' }],
    };
    expect(canManagePartner(head, centerId)).toBe(true);
    expect(canManagePartner(head, '0190a2b3-1c2d-7e8f-9a0b-000000000000')).toBe(false);
    const admin = {
      permissions: ['partner.manage'],
      roles: [{ role: 'admin' as const, centerId: null, centerName: null }],
    };
    expect(canManagePartner(admin, centerId)).toBe(true);
    expect(canManagePartner({ permissions: [], roles: [] }, centerId)).toBe(false);
  });
});
