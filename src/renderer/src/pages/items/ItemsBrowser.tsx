import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Database, SearchX } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ItemFilters, ItemQuery } from '../../../../shared/itemsContract.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { api, useApiQuery } from '../../hooks/api.ts';
import { DeleteModal } from './DeleteModal.tsx';
import { ExportProgress } from './ExportProgress.tsx';
import { FacetPanel } from './FacetPanel.tsx';
import { ItemDetail } from './ItemDetail.tsx';
import { ItemList } from './ItemList.tsx';
import { ItemsToolbar } from './ItemsToolbar.tsx';
import { EMPTY_FILTERS, effectiveSort } from './queryState.ts';
import { useExports } from './useExports.ts';
import { useItemPages } from './useItemPages.ts';
import { scopeOf, useSelection } from './useSelection.ts';
import './items.css';

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Search, filters, the virtualized list, the detail pane, and export / delete of what is chosen. */
export function ItemsBrowser(props: { onOpenSettings: () => void; onOpenDashboard: () => void }) {
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text, 200);
  const [filters, setFilters] = useState<ItemFilters>(EMPTY_FILTERS);
  const [chosenSort, setChosenSort] = useState<ItemQuery['sort'] | null>(null);
  const [generation, setGeneration] = useState(0);
  const [activeIndex, setActiveIndex] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const [deleting, setDeleting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const selection = useSelection();
  const exports = useExports();

  const query: ItemQuery = { text: debouncedText, filters, sort: effectiveSort(chosenSort, debouncedText) };
  const pages = useItemPages(query, generation);
  const facets = useApiQuery('itemFacets', query);
  const total = pages.total;
  const collectionTotal = facets.data?.collectionTotal ?? null;

  const restart = () => {
    selection.clear();
    setActiveIndex(0);
  };
  const changeText = (value: string) => {
    setText(value);
    restart();
  };
  const changeFilters = (value: ItemFilters) => {
    setFilters(value);
    restart();
  };
  const openAt = (index: number) => setOpenId(pages.rowAt(index)?.id ?? null);
  const activate = (index: number) => {
    setActiveIndex(index);
    if (openId) openAt(index);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !typingIn(e.target)) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'Escape' && !document.querySelector('[role="dialog"]')) {
        setOpenId(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function onDelete() {
    setDeleting(true);
    try {
      const { deleted } = await api.deleteItems(scopeOf(selection.selection, query));
      notifications.show({
        color: 'teal',
        title: 'Items deleted',
        message: `Deleted ${deleted.toLocaleString('en-US')} item${deleted === 1 ? '' : 's'}.`,
      });
      setOpenId(null);
      restart();
      setGeneration((g) => g + 1);
      facets.reload();
    } catch (e) {
      notifications.show({ color: 'red', title: 'Nothing was deleted', message: String(e) });
    } finally {
      setDeleting(false);
      setConfirmDelete(null);
    }
  }

  if (!facets.data && !facets.error)
    return (
      <>
        <Title order={2} mb="md">
          Items
        </Title>
        <Loader aria-label="Loading items" />
      </>
    );
  if (collectionTotal === 0)
    return (
      <>
        <Title order={2} mb="md">
          Items
        </Title>
        <EmptyState
          icon={<Database size={28} />}
          title="Your collection is empty"
          action={{ label: 'Configure sources in Settings', onClick: props.onOpenSettings }}
        >
          Collected code files and Q&amp;A pairs will be listed here, with full-text search, filters by
          source, language, repository and tag, a detail view with highlighted code, and export to JSONL, CSV,
          Markdown or Parquet. Set up your sources in Settings, then start a run from the Dashboard.
        </EmptyState>
        <Group justify="center" mt="sm">
          <Button variant="subtle" onClick={props.onOpenDashboard}>
            Go to the Dashboard
          </Button>
        </Group>
      </>
    );

  const selectedCount = selection.count(total ?? 0);
  return (
    <>
      <Title order={2} mb="sm">
        Items
      </Title>
      <ItemsToolbar
        searchRef={searchRef}
        text={text}
        onText={changeText}
        total={total}
        collectionTotal={collectionTotal}
        selected={selectedCount}
        allSelected={selection.selection.all}
        onSelectAll={selection.selectAll}
        onClearSelection={selection.clear}
        onExport={(format) => void exports.start(format, scopeOf(selection.selection, query))}
        onDelete={() => setConfirmDelete(selectedCount)}
      />
      <ExportProgress exports={exports.running} onCancel={exports.cancel} />
      {pages.error && (
        <Alert color="red" mb="sm" title="The list could not be loaded">
          {pages.error}
        </Alert>
      )}
      <div className="items-layout">
        <Paper withBorder p="sm" className="items-facets">
          <FacetPanel facets={facets.data} filters={filters} onChange={changeFilters} />
        </Paper>
        <div className="items-main">
          {total === 0 ? (
            <Paper withBorder p="xl">
              <Stack align="center" gap="xs" ta="center">
                <SearchX size={28} />
                <Title order={4}>No items match</Title>
                <Text size="sm" c="dimmed">
                  Nothing matches “{debouncedText}” with these filters. Try fewer words or clear the filters.
                </Text>
                <Button
                  mt="xs"
                  onClick={() => {
                    changeText('');
                    changeFilters(EMPTY_FILTERS);
                  }}
                >
                  Clear search and filters
                </Button>
              </Stack>
            </Paper>
          ) : (
            <ItemList
              total={total ?? 0}
              rowAt={pages.rowAt}
              ensurePage={pages.ensurePage}
              sort={query.sort}
              onSort={(sort) => {
                setChosenSort(sort);
                setActiveIndex(0);
              }}
              activeIndex={activeIndex}
              onActivate={activate}
              onOpen={openAt}
              isSelected={selection.isSelected}
              onToggle={selection.toggle}
              compact={openId !== null}
            />
          )}
        </div>
        {openId && (
          <Paper withBorder className="items-detail">
            <ItemDetail key={openId} id={openId} onClose={() => setOpenId(null)} />
          </Paper>
        )}
      </div>
      <DeleteModal
        count={confirmDelete}
        busy={deleting}
        onConfirm={() => void onDelete()}
        onClose={() => setConfirmDelete(null)}
      />
    </>
  );
}
