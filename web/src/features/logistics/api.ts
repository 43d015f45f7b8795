import type {
  AdjustmentDecisionInput,
  AdjustmentInput,
  Dispatch,
  DispatchListInput,
  Distribution,
  DistributionInput,
  DistributionListInput,
  IssueInput,
  Item,
  ItemInput,
  ItemListInput,
  MinimumInput,
  MovementListInput,
  Page,
  ReceiptInput,
  StockAdjustment,
  StockMovement,
  StockWriteResult,
  TransferInput,
  UpdateItemInput,
  UpdateWarehouseInput,
  Warehouse,
  WarehouseInput,
  WarehouseListInput,
  WarehouseStock,
  WriteOffInput,
} from '@atensi/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const warehousePageSize = 20;
export const itemPageSize = 20;
export const movementPageSize = 20;
export const distributionPageSize = 20;

/** A distribution in a list: counts only, never the recipients' names. */
export type DistributionSummary = Omit<Distribution, 'recipients'>;

const enc = encodeURIComponent;
const warehousePath = (id: string, rest = '') => `/api/logistics/warehouses/${enc(id)}${rest}`;

/** Lists are POSTs like every search: names and filters stay out of URLs. */
export const warehouseListQueryOptions = (input: WarehouseListInput) =>
  queryOptions({
    queryKey: ['logistics', 'warehouses', 'list', input] as const,
    queryFn: ({ signal }) =>
      api<Page<Warehouse>>('/api/logistics/warehouses/list', { method: 'POST', body: input, signal }),
    placeholderData: keepPreviousData,
  });

/** Reads every page of a list (reference data for selects), up to `max` rows. */
const allPages = async <T>(
  load: (page: number, pageSize: number) => Promise<Page<T>>,
  max = 1000,
): Promise<T[]> => {
  const pageSize = 100;
  const rows: T[] = [];
  for (let page = 1; rows.length < max; page++) {
    const result = await load(page, pageSize);
    rows.push(...result.items);
    if (result.items.length < pageSize || rows.length >= result.total) break;
  }
  return rows;
};

/** Every active warehouse, for the destination of a transfer. */
export const allWarehousesQueryOptions = queryOptions({
  queryKey: ['logistics', 'warehouses', 'all'] as const,
  queryFn: ({ signal }) =>
    allPages((page, pageSize) =>
      api<Page<Warehouse>>('/api/logistics/warehouses/list', {
        method: 'POST',
        body: { page, pageSize } satisfies WarehouseListInput,
        signal,
      }),
    ),
  staleTime: 5 * 60_000,
});

export const warehouseStockQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['logistics', 'stock', id] as const,
    queryFn: ({ signal }) => api<WarehouseStock>(warehousePath(id, '/stock'), { signal }),
  });

export const movementListQueryOptions = (warehouseId: string, input: MovementListInput) =>
  queryOptions({
    queryKey: ['logistics', 'movements', warehouseId, input] as const,
    queryFn: ({ signal }) =>
      api<Page<StockMovement>>(warehousePath(warehouseId, '/movements/list'), {
        method: 'POST',
        body: input,
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export const distributionListQueryOptions = (input: DistributionListInput) =>
  queryOptions({
    queryKey: ['logistics', 'distributions', 'list', input] as const,
    queryFn: ({ signal }) =>
      api<Page<DistributionSummary>>('/api/logistics/distributions/list', {
        method: 'POST',
        body: input,
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export const distributionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['logistics', 'distributions', 'one', id] as const,
    queryFn: ({ signal }) => api<Distribution>(`/api/logistics/distributions/${enc(id)}`, { signal }),
  });

export const itemListQueryOptions = (input: ItemListInput) =>
  queryOptions({
    queryKey: ['logistics', 'items', 'list', input] as const,
    queryFn: ({ signal }) =>
      api<Page<Item>>('/api/logistics/items/list', { method: 'POST', body: input, signal }),
    placeholderData: keepPreviousData,
  });

/** Every active item of the catalogue, for the lines of a receipt. */
export const activeItemsQueryOptions = queryOptions({
  queryKey: ['logistics', 'items', 'active'] as const,
  queryFn: ({ signal }) =>
    allPages((page, pageSize) =>
      api<Page<Item>>('/api/logistics/items/list', {
        method: 'POST',
        body: { page, pageSize } satisfies ItemListInput,
        signal,
      }),
    ),
  staleTime: 5 * 60_000,
});

export const createItem = (input: ItemInput) =>
  api<Item>('/api/logistics/items', { method: 'POST', body: input });

export const updateItem = (id: string, input: UpdateItemInput) =>
  api<Item>(`/api/logistics/items/${enc(id)}`, { method: 'PUT', body: input });

export const createWarehouse = (input: WarehouseInput) =>
  api<Warehouse>('/api/logistics/warehouses', { method: 'POST', body: input });

export const updateWarehouse = (id: string, input: UpdateWarehouseInput) =>
  api<Warehouse>(warehousePath(id), { method: 'PUT', body: input });

export const recordReceipt = (warehouseId: string, input: ReceiptInput) =>
  api<StockWriteResult>(warehousePath(warehouseId, '/receipts'), { method: 'POST', body: input });

export const recordIssue = (warehouseId: string, input: IssueInput) =>
  api<StockWriteResult>(warehousePath(warehouseId, '/issues'), { method: 'POST', body: input });

export const recordWriteOff = (warehouseId: string, input: WriteOffInput) =>
  api<StockWriteResult>(warehousePath(warehouseId, '/write-offs'), { method: 'POST', body: input });

export const requestAdjustment = (warehouseId: string, input: AdjustmentInput) =>
  api<StockAdjustment>(warehousePath(warehouseId, '/adjustments'), { method: 'POST', body: input });

export const decideAdjustment = (id: string, input: AdjustmentDecisionInput) =>
  api<StockAdjustment>(`/api/logistics/adjustments/${enc(id)}/decision`, { method: 'POST', body: input });

export const setMinimum = (warehouseId: string, input: MinimumInput) =>
  api<WarehouseStock>(warehousePath(warehouseId, '/minimums'), { method: 'PUT', body: input });

export const recordTransfer = (warehouseId: string, input: TransferInput) =>
  api<Dispatch>(warehousePath(warehouseId, '/transfers'), { method: 'POST', body: input });

export const recordDistribution = (warehouseId: string, input: DistributionInput) =>
  api<Distribution>(warehousePath(warehouseId, '/distributions'), { method: 'POST', body: input });

export const dispatchPageSize = 20;

/** Waybills into or out of a warehouse (heads only; the lines are on the waybill's page). */
export const dispatchListQueryOptions = (input: DispatchListInput) =>
  queryOptions({
    queryKey: ['logistics', 'dispatches', 'list', input] as const,
    queryFn: ({ signal }) =>
      api<Page<Omit<Dispatch, 'lines'>>>('/api/logistics/dispatches/list', {
        method: 'POST',
        body: input,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
