import { Button, CloseButton, Group, Kbd, Text, TextInput } from '@mantine/core';
import { Search, Trash2 } from 'lucide-react';
import type { RefObject } from 'react';
import type { ExportFormat } from '../../../../shared/itemsContract.ts';
import { ExportMenu } from './ExportMenu.tsx';

export type ItemsToolbarProps = {
  searchRef: RefObject<HTMLInputElement | null>;
  text: string;
  onText: (text: string) => void;
  total: number | null;
  collectionTotal: number | null;
  selected: number;
  allSelected: boolean;
  onSelectAll: () => void;
  onClearSelection: () => void;
  onExport: (format: ExportFormat) => void;
  onDelete: () => void;
};

const fmt = (n: number) => n.toLocaleString('en-US');

/** Search box, what is shown and selected, and the actions on it. */
export function ItemsToolbar({ searchRef, ...props }: ItemsToolbarProps) {
  const total = props.total ?? 0;
  const target = props.selected > 0 ? props.selected : total;
  return (
    <Group gap="sm" mb="sm" wrap="nowrap" align="center">
      <TextInput
        ref={searchRef}
        style={{ flex: 1 }}
        placeholder="Search titles, paths and content"
        aria-label="Search items"
        data-testid="item-search"
        leftSection={<Search size={16} />}
        rightSection={
          props.text ? (
            <CloseButton size="sm" aria-label="Clear search" onClick={() => props.onText('')} />
          ) : (
            <Kbd size="xs">/</Kbd>
          )
        }
        value={props.text}
        onChange={(e) => props.onText(e.currentTarget.value)}
      />
      <Text size="sm" c="dimmed" data-testid="item-count" style={{ whiteSpace: 'nowrap' }}>
        {props.total === null ? '…' : `${fmt(total)} of ${fmt(props.collectionTotal ?? total)} items`}
        {props.selected > 0 && ` · ${fmt(props.selected)} selected`}
      </Text>
      {props.selected > 0 ? (
        <Button size="sm" variant="subtle" onClick={props.onClearSelection}>
          Clear selection
        </Button>
      ) : (
        <Button size="sm" variant="subtle" onClick={props.onSelectAll} disabled={total === 0}>
          Select all {fmt(total)}
        </Button>
      )}
      <ExportMenu count={target} onExport={props.onExport} />
      <Button
        size="sm"
        variant="light"
        color="red"
        leftSection={<Trash2 size={16} />}
        disabled={props.selected === 0}
        onClick={props.onDelete}
      >
        Delete{props.selected > 0 && ` ${props.allSelected ? 'all ' : ''}${fmt(props.selected)}`}
      </Button>
    </Group>
  );
}
