import { Checkbox, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, FileCode2, MessagesSquare } from 'lucide-react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ItemQuery, ItemRow, SortColumn } from '../../../../shared/itemsContract.ts';
import { MarkedText } from './MarkedText.tsx';
import { dropVisiblePrefix } from './markers.ts';
import { PAGE_SIZE } from './useItemPages.ts';

const ROW_HEIGHT = 60;

const COLUMNS: { column: SortColumn; label: string; wide: boolean; numeric?: boolean }[] = [
  { column: 'title', label: 'Title', wide: false },
  { column: 'repository', label: 'Repository / tags', wide: true },
  { column: 'score', label: 'Score', wide: false, numeric: true },
  { column: 'language', label: 'Language', wide: true },
  { column: 'lines', label: 'Lines', wide: true, numeric: true },
  { column: 'collectedAt', label: 'Collected', wide: true },
];

export type ItemListProps = {
  total: number;
  rowAt: (index: number) => ItemRow | undefined;
  ensurePage: (page: number) => void;
  sort: ItemQuery['sort'];
  onSort: (sort: ItemQuery['sort']) => void;
  activeIndex: number;
  onActivate: (index: number) => void;
  onOpen: (index: number) => void;
  isSelected: (id: string) => boolean;
  onToggle: (id: string) => void;
  compact: boolean;
};

function SortHeader(props: { sort: ItemQuery['sort']; onSort: ItemListProps['onSort'] }) {
  return (
    <div className="item-cols item-header" role="row">
      <span role="columnheader" />
      <span role="columnheader" />
      {COLUMNS.map((c) => {
        const active = props.sort.column === c.column;
        const next = active && props.sort.direction === 'asc' ? 'desc' : 'asc';
        return (
          <UnstyledButton
            key={c.column}
            role="columnheader"
            aria-sort={active ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            className={`${c.wide ? 'wide-only' : ''} ${c.numeric ? 'item-num' : ''}`}
            onClick={() => props.onSort({ column: c.column, direction: next })}
          >
            <Text span size="xs" fw={600} c={active ? undefined : 'dimmed'}>
              {c.label}
              {active && (props.sort.direction === 'asc' ? <ArrowUp size={11} /> : <ArrowDown size={11} />)}
            </Text>
          </UnstyledButton>
        );
      })}
    </div>
  );
}

const dateOf = (iso: string) => iso.slice(0, 10);

/** Code files are titled repository/path; the repository has its own column, so show the path. */
function displayTitle(row: ItemRow): string {
  const title = row.titleHighlight ?? row.title;
  const prefix = row.repository ? `${row.repository}/` : '';
  return prefix && row.title.startsWith(prefix) ? dropVisiblePrefix(title, prefix.length) : title;
}

function RowCells(props: { row: ItemRow; selected: boolean; onToggle: () => void }) {
  const { row } = props;
  const qa = row.source === 'stackoverflow_qa';
  return (
    <>
      <Checkbox
        size="xs"
        aria-label={`Select ${row.title}`}
        checked={props.selected}
        onChange={props.onToggle}
        onClick={(e) => e.stopPropagation()}
      />
      <Tooltip label={qa ? 'Stack Overflow Q&A' : 'GitHub code file'} openDelay={400}>
        {qa ? <MessagesSquare size={16} color="#f48024" /> : <FileCode2 size={16} color="#8b949e" />}
      </Tooltip>
      <div style={{ minWidth: 0 }}>
        <div className="item-title">
          <MarkedText text={displayTitle(row)} />
        </div>
        <div className="item-snippet">
          <MarkedText text={row.snippet} />
        </div>
      </div>
      <span className="item-meta wide-only">
        <Text span size="xs" c="dimmed">
          {row.repository ?? row.tags.join(', ')}
        </Text>
      </span>
      <span className="item-num">{row.score?.toLocaleString('en-US') ?? '—'}</span>
      <span className="item-meta wide-only">{row.language ?? '—'}</span>
      <span className="item-num wide-only">{row.lines ?? '—'}</span>
      <span className="item-meta wide-only">
        <Text span size="xs" c="dimmed">
          {dateOf(row.collectedAt)}
        </Text>
      </span>
    </>
  );
}

/** The virtualized list: only the rows in view are rendered, and their pages fetched on demand. */
export function ItemList(props: ItemListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose
  const virtualizer = useVirtualizer({
    count: props.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible.at(-1)?.index ?? 0;
  const { ensurePage } = props;
  useEffect(() => {
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++)
      ensurePage(page);
  }, [first, last, ensurePage]);

  function move(index: number) {
    const clamped = Math.max(0, Math.min(props.total - 1, index));
    props.onActivate(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  }
  function onKeyDown(e: KeyboardEvent) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(props.activeIndex + 1),
      ArrowUp: () => move(props.activeIndex - 1),
      PageDown: () => move(props.activeIndex + page),
      PageUp: () => move(props.activeIndex - page),
      Home: () => move(0),
      End: () => move(props.total - 1),
      Enter: () => props.onOpen(props.activeIndex),
      ' ': () => {
        const row = props.rowAt(props.activeIndex);
        if (row) props.onToggle(row.id);
      },
    };
    const action = keys[e.key];
    if (!action || e.target !== e.currentTarget) return;
    e.preventDefault();
    action();
  }

  return (
    <div
      ref={scrollRef}
      className={`item-grid${props.compact ? ' compact' : ''}`}
      role="grid"
      aria-label="Items"
      aria-rowcount={props.total}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="item-list"
    >
      <SortHeader sort={props.sort} onSort={props.onSort} />
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {visible.map((v) => {
          const row = props.rowAt(v.index);
          return (
            <div
              key={v.key}
              className="item-cols item-row"
              role="row"
              aria-rowindex={v.index + 1}
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
                  selected={props.isSelected(row.id)}
                  onToggle={() => props.onToggle(row.id)}
                />
              ) : (
                <Text size="xs" c="dimmed" style={{ gridColumn: '3 / -1' }}>
                  Loading…
                </Text>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
