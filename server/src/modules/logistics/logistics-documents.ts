import type { Dispatch } from '@atensi/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { getCenter } from '../centers/centers.service.ts';
import { regionNames } from '../regions/regions.service.ts';
import { warehouses } from './logistics.tables.ts';
import { waybillPdf } from './waybill-pdf.ts';

/** The waybill of a dispatch, on the letterhead of the sending warehouse's centre. */
export const dispatchWaybill = async (db: Db, dispatch: Dispatch): Promise<Buffer> => {
  const [[from], [to]] = await Promise.all([
    db.select().from(warehouses).where(eq(warehouses.id, dispatch.fromWarehouseId)),
    db.select().from(warehouses).where(eq(warehouses.id, dispatch.toWarehouseId)),
  ]);
  const names = await regionNames(db, [from!.regionCode, to!.regionCode]);
  const placeOf = (w: typeof from) =>
    [w!.address, names.get(w!.regionCode)].filter(Boolean).join(', ') || null;
  // Every warehouse belongs to a centre (the central one to its host): its letterhead heads the waybill.
  const center = await getCenter(db, from!.centerId);
  const issuer = {
    centerName: from!.kind === 'central' ? `${from!.name} — ${center.name}` : center.name,
    address: [center.street, center.regionName, center.provinceName].filter(Boolean).join(', '),
    contact:
      [center.phone && `Telp. ${center.phone}`, center.email && `Email ${center.email}`]
        .filter(Boolean)
        .join(' · ') || null,
  };
  return waybillPdf({ dispatch, issuer, toAddress: placeOf(to) });
};
