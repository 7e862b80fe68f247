import { Text, UnstyledButton } from '@mantine/core';
import { useElementSize, useMergedRef } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import type { ItemQuery, ItemRow } from '../../../../shared/itemsContract.ts';
import { columnsThatFit, gridTemplate, type ListColumn } from './listColumns.ts';
import { RowCells } from './RowCells.tsx';
import { PAGE_SIZE } from './pageLoader.ts';

const ROW_HEIGHT = 60;

export type ItemListProps = {
  total: number;
  rowAt: (index: number) => ItemRow | undefined;
  ensurePage: (page: number) => void;
  /** Changes when the rows on screen answer another query: the list goes back to the top. */
  shownKey: string;
  /** The rows answer an earlier query while the current one is on its way. */
  updating: boolean;
  sort: ItemQuery['sort'];
  onSort: (sort: ItemQuery['sort']) => void;
  /** The row the keyboard is on (and the open detail follows); -1 before the user picks one. */
  activeIndex: number;
  onActivate: (index: number) => void;
  onOpen: (index: number) => void;
  isSelected: (id: string) => boolean;
  onToggle: (id: string) => void;
};

function SortHeader(props: {
  columns: ListColumn[];
  sort: ItemQuery['sort'];
  onSort: ItemListProps['onSort'];
}) {
  return (
    <div className="item-cols item-header" role="row" aria-rowindex={1}>
      <span role="columnheader" aria-label="Selected" />
      <span role="columnheader" aria-label="Source" />
      {props.columns.map((c) => {
        const active = props.sort.column === c.column;
        const next = active && props.sort.direction === 'asc' ? 'desc' : 'asc';
        return (
          <div
            key={c.column}
            role="columnheader"
            aria-sort={active ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
            className={c.numeric ? 'item-num' : undefined}
          >
            {/* Sorting from the keyboard goes through the Sort menu: the list is one Tab stop. */}
            <UnstyledButton
              tabIndex={-1}
              className="item-sort"
              data-active={active || undefined}
              onClick={() => props.onSort({ column: c.column, direction: next })}
            >
              {c.label}
              {active && (props.sort.direction === 'asc' ? <ArrowUp size={11} /> : <ArrowDown size={11} />)}
            </UnstyledButton>
          </div>
        );
      })}
    </div>
  );
}

const rowId = (index: number) => `item-row-${index}`;

/**
 * The virtualized list: only the rows in view are rendered, and their pages fetched on demand. It is one
 * Tab stop; arrows, Page Up/Down, Home and End move the active row, Enter opens it, Space checks it.
 */
export const ItemList = memo(function ItemList(props: ItemListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { ref: sizeRef, width } = useElementSize<HTMLDivElement>();
  const gridRef = useMergedRef(scrollRef, sizeRef);
  const columns = columnsThatFit(width || 1200);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose
  const virtualizer = useVirtualizer({
    count: props.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible.at(-1)?.index ?? 0;
  const { ensurePage } = props;
  useEffect(() => {
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++)
      ensurePage(page);
  }, [first, last, ensurePage]);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [props.shownKey]);

  function move(index: number) {
    const clamped = Math.max(0, Math.min(props.total - 1, index));
    props.onActivate(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  }
  function onKeyDown(e: KeyboardEvent) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const at = Math.max(0, props.activeIndex);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(props.activeIndex + 1),
      ArrowUp: () => move(props.activeIndex - 1),
      PageDown: () => move(at + page),
      PageUp: () => move(at - page),
      Home: () => move(0),
      End: () => move(props.total - 1),
      Enter: () => props.onOpen(at),
      ' ': () => {
        const row = props.rowAt(at);
        if (row) props.onToggle(row.id);
      },
    };
    const action = keys[e.key];
    if (!action || e.target !== e.currentTarget) return;
    e.preventDefault();
    action();
  }

  const template = gridTemplate(columns);
  return (
    <div
      ref={gridRef}
      className="item-grid"
      role="grid"
      aria-label="Items"
      aria-rowcount={props.total + 1}
      aria-colcount={columns.length + 2}
      aria-busy={props.updating}
      aria-activedescendant={props.activeIndex >= 0 ? rowId(props.activeIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="item-list"
      style={{ ['--item-cols' as string]: template }}
    >
      <SortHeader columns={columns} sort={props.sort} onSort={props.onSort} />
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {visible.map((v) => {
          const row = props.rowAt(v.index);
          return (
            <div
              key={v.key}
              id={rowId(v.index)}
              className="item-cols item-row"
              role="row"
              aria-rowindex={v.index + 2}
              aria-selected={v.index === props.activeIndex}
              data-testid={row ? 'item-row' : 'item-row-loading'}
              data-item-id={row?.id}
              style={{ transform: `translateY(${v.start}px)` }}
              onClick={() => {
                props.onActivate(v.index);
                props.onOpen(v.index);
              }}
            >
              {row ? (
                <RowCells
                  row={row}
                  columns={columns}
                  selected={props.isSelected(row.id)}
                  onToggle={() => props.onToggle(row.id)}
                />
              ) : (
                <div role="gridcell" style={{ gridColumn: '1 / -1' }}>
                  <Text size="xs" c="dimmed" pl={60}>
                    Loading…
                  </Text>
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});
