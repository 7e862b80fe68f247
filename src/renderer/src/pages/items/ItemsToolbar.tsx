import { Button, CloseButton, Group, Kbd, Select, Text, TextInput } from '@mantine/core';
import { Filter, Search, Trash2 } from 'lucide-react';
import type { RefObject } from 'react';
import type { ExportFormat, ItemQuery } from '../../../../shared/itemsContract.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { parseSortValue, sortOptions, sortValue } from './sortOptions.ts';

export type ItemsToolbarProps = {
  searchRef: RefObject<HTMLInputElement | null>;
  exportRef: RefObject<HTMLButtonElement | null>;
  text: string;
  onText: (text: string) => void;
  sort: ItemQuery['sort'];
  searching: boolean;
  onSort: (sort: ItemQuery['sort']) => void;
  filtersOpen: boolean;
  activeFilters: number;
  onToggleFilters: () => void;
  total: number | null;
  collectionTotal: number | null;
  selected: number;
  allSelected: boolean;
  onSelectAll: () => void;
  onClearSelection: () => void;
  onExport: (format: ExportFormat) => void;
  onDelete: () => void;
};

const fmt = (n: number) => n.toLocaleString();

/** Search box, sort and filters on the first line; what is shown and selected, and the actions, below. */
export function ItemsToolbar({ searchRef, exportRef, ...props }: ItemsToolbarProps) {
  const total = props.total ?? 0;
  const target = props.selected > 0 ? props.selected : total;
  return (
    <>
      <Group gap="sm" mb="xs" wrap="nowrap" align="center">
        <Button
          size="sm"
          variant={props.filtersOpen ? 'light' : 'default'}
          leftSection={<Filter size={16} />}
          aria-expanded={props.filtersOpen}
          aria-controls="item-filters"
          onClick={props.onToggleFilters}
          style={{ flex: '0 0 auto' }}
        >
          Filters{props.activeFilters > 0 && ` (${props.activeFilters})`}
        </Button>
        <TextInput
          ref={searchRef}
          style={{ flex: 1, minWidth: 160 }}
          placeholder="Search titles, paths and content"
          aria-label="Search items"
          data-testid="item-search"
          leftSection={<Search size={16} />}
          rightSection={
            props.text ? (
              <CloseButton size="sm" aria-label="Clear search" onClick={() => props.onText('')} />
            ) : (
              <Kbd size="xs" aria-hidden="true">
                /
              </Kbd>
            )
          }
          value={props.text}
          onChange={(e) => props.onText(e.currentTarget.value)}
        />
        <Select
          size="sm"
          w={210}
          style={{ flex: '0 0 auto' }}
          aria-label="Sort"
          data-testid="item-sort"
          leftSection={
            <Text span size="xs" className="item-dim" aria-hidden="true">
              Sort
            </Text>
          }
          leftSectionWidth={42}
          allowDeselect={false}
          data={sortOptions(props.searching)}
          value={sortValue(props.sort)}
          onChange={(value) => {
            const sort = value ? parseSortValue(value) : null;
            if (sort) props.onSort(sort);
          }}
        />
      </Group>
      <Group gap="sm" mb="sm" wrap="nowrap" align="center" justify="space-between">
        <Text size="sm" data-testid="item-count" aria-live="polite" style={{ whiteSpace: 'nowrap' }}>
          {props.total === null ? '…' : `${fmt(total)} of ${fmt(props.collectionTotal ?? total)} items`}
          {props.selected > 0 && ` · ${fmt(props.selected)} selected`}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {props.selected > 0 ? (
            <Button size="xs" variant="subtle" onClick={props.onClearSelection}>
              Clear selection
            </Button>
          ) : (
            <Button size="xs" variant="subtle" onClick={props.onSelectAll} disabled={total === 0}>
              Select all {fmt(total)}
            </Button>
          )}
          <ExportMenu ref={exportRef} count={target} onExport={props.onExport} />
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<Trash2 size={14} />}
            disabled={props.selected === 0}
            onClick={props.onDelete}
          >
            Delete{props.selected > 0 && ` ${props.allSelected ? 'all ' : ''}${fmt(props.selected)}`}
          </Button>
        </Group>
      </Group>
    </>
  );
}
