import { useQueryClient } from '@tanstack/react-query';
import { warehouseStockQueryOptions } from './api';

/** After a write at a warehouse: its stock, ledger, distributions and the list's badges load again. */
export function useStockRefresh(warehouseId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: warehouseStockQueryOptions(warehouseId).queryKey });
    void queryClient.invalidateQueries({ queryKey: ['logistics', 'movements', warehouseId] });
    void queryClient.invalidateQueries({ queryKey: ['logistics', 'distributions'] });
    void queryClient.invalidateQueries({ queryKey: ['logistics', 'warehouses'] });
  };
}
