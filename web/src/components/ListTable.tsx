import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A paged list's table: scrolls sideways on a phone as one focusable, named region, says it is
 * busy while a new page loads, and dims the previous page shown meanwhile.
 */
export function ListTable(props: {
  label: string;
  minWidth: number;
  busy: boolean;
  stale: boolean;
  hover?: boolean;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      minWidth={props.minWidth}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={props.label}
    >
      <Table
        striped
        highlightOnHover={props.hover ?? true}
        verticalSpacing="xs"
        aria-label={props.label}
        aria-busy={props.busy || undefined}
        style={{ opacity: props.stale ? 0.6 : 1 }}
      >
        {props.children}
      </Table>
    </Table.ScrollContainer>
  );
}
