import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useViewportSize } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Database, SearchX } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Group as PaneGroup, Panel, Separator, usePanelRef } from 'react-resizable-panels';
import type { ExportFormat, ItemFilters, ItemQuery } from '../../../../shared/itemsContract.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { api, useApiQuery } from '../../hooks/api.ts';
import { DeleteModal } from './DeleteModal.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { ExportStatus } from './ExportStatus.tsx';
import { FacetPanel } from './FacetPanel.tsx';
import { ItemDetail } from './ItemDetail.tsx';
import { ItemList } from './ItemList.tsx';
import { ItemsToolbar } from './ItemsToolbar.tsx';
import { NewItemsBar } from './NewItemsBar.tsx';
import { EMPTY_FILTERS, effectiveSort, filterCount } from './queryState.ts';
import { useExports } from './useExports.ts';
import { useItemPages } from './useItemPages.ts';
import { useNewItems } from './useNewItems.ts';
import { scopeOf, useSelection } from './useSelection.ts';
import './items.css';

/**
 * Facet counts cost several times a page of rows: they follow the search once typing pauses, so the
 * query threads answer the list first (the counts on screen stay until then).
 */
const FACETS_DEBOUNCE_MS = 300;

/** Below this width, opening the detail folds the filters away (they come back when it closes). */
const ROOM_FOR_THREE_PANES = 980;

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Escape closes an open dropdown first (a select, a menu), not the detail. */
const openMenu = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.getAttribute('aria-expanded') === 'true';

const EVERYTHING: ItemQuery = { text: '', filters: EMPTY_FILTERS, sort: effectiveSort(null, '') };

/** Search, filters, the virtualized list, the detail pane, and export / delete of what is chosen. */
export function ItemsBrowser(props: { onOpenSettings: () => void; onOpenDashboard: () => void }) {
  const [text, setText] = useState('');
  const [facetText] = useDebouncedValue(text, FACETS_DEBOUNCE_MS);
  const [filters, setFilters] = useState<ItemFilters>(EMPTY_FILTERS);
  const [chosenSort, setChosenSort] = useState<ItemQuery['sort'] | null>(null);
  const [generation, setGeneration] = useState(0);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(true);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [exportFormat, setExportFormat] = useState<ExportFormat | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const exportRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const panesRef = useRef<HTMLDivElement>(null);
  const filtersPanel = usePanelRef();
  const foldedForDetail = useRef(false);
  const { width: viewportWidth } = useViewportSize();
  const selection = useSelection();
  const exports = useExports();

  // Every key asks for rows at once (useItemPages skips the texts typed past while the core is busy).
  const sort = useMemo(() => effectiveSort(chosenSort, text), [chosenSort, text]);
  const query: ItemQuery = { text, filters, sort };
  const searching = text.trim() !== '';
  const pages = useItemPages(query, generation);
  const facets = useApiQuery('itemFacets', { ...query, text: facetText });
  const collection = useApiQuery('itemFacets', EVERYTHING);
  const total = pages.total;
  const newItems = useNewItems(query, { key: pages.shownKey, total, current: !pages.updating });
  const showNewItems = () => {
    setGeneration((g) => g + 1);
    facets.reload();
    collection.reload();
  };
  const collectionTotal = collection.data?.collectionTotal ?? facets.data?.collectionTotal ?? null;

  // Stable callbacks: the list and the facets are memoized, and re-render only when what they show changes.
  const { clear: clearSelection } = selection;
  const restart = useCallback(() => {
    clearSelection();
    setActiveIndex(-1);
  }, [clearSelection]);
  const changeText = (value: string) => {
    setText(value);
    restart();
  };
  const changeFilters = useCallback(
    (value: ItemFilters) => {
      setFilters(value);
      restart();
    },
    [restart],
  );
  const changeSort = useCallback((next: ItemQuery['sort']) => {
    setChosenSort(next);
    setActiveIndex(-1);
  }, []);
  const { rowAt } = pages;
  const openAt = useCallback((index: number) => setOpenId(rowAt(index)?.id ?? null), [rowAt]);
  const detailOpen = openId !== null;
  const activate = useCallback(
    (index: number) => {
      setActiveIndex(index);
      if (detailOpen) openAt(index);
    },
    [detailOpen, openAt],
  );
  const closeDetail = () => {
    setOpenId(null);
    // Back to the row the detail showed, so arrows carry on from there.
    listRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  };
  const toggleFilters = () => {
    const panel = filtersPanel.current;
    if (!panel) return;
    foldedForDetail.current = false;
    if (panel.isCollapsed()) panel.expand();
    else panel.collapse();
  };

  // With little room (also after the window shrinks), the detail takes the filters' place while it is
  // open; after the detail pane has joined the layout, which would otherwise size the panes anew.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const panel = filtersPanel.current;
      const width = panesRef.current?.clientWidth ?? Infinity;
      if (!panel) return;
      if (detailOpen && width < ROOM_FOR_THREE_PANES && !panel.isCollapsed()) {
        panel.collapse();
        foldedForDetail.current = true;
      } else if (!detailOpen && foldedForDetail.current) {
        panel.expand();
        foldedForDetail.current = false;
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [detailOpen, filtersPanel, viewportWidth]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !typingIn(e.target)) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'Escape' && !document.querySelector('[role="dialog"]') && !openMenu(e.target)) {
        setOpenId((open) => {
          if (open) listRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
          return null;
        });
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
        message: `Deleted ${deleted.toLocaleString()} item${deleted === 1 ? '' : 's'}.`,
        closeButtonProps: { 'aria-label': 'Close message' },
      });
      setOpenId(null);
      restart();
      setGeneration((g) => g + 1);
      facets.reload();
      collection.reload();
    } catch (e) {
      notifications.show({
        color: 'red',
        title: 'Nothing was deleted',
        message: String(e),
        closeButtonProps: { 'aria-label': 'Close message' },
      });
    } finally {
      setDeleting(false);
      setConfirmDelete(null);
    }
  }

  if (!collection.data && !collection.error)
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
        exportRef={exportRef}
        text={text}
        onText={changeText}
        sort={query.sort}
        searching={searching}
        onSort={changeSort}
        filtersOpen={filtersOpen}
        activeFilters={filterCount(filters)}
        onToggleFilters={toggleFilters}
        total={total}
        collectionTotal={collectionTotal}
        selected={selectedCount}
        allSelected={selection.selection.all}
        onSelectAll={selection.selectAll}
        onClearSelection={selection.clear}
        onExport={setExportFormat}
        onDelete={() => setConfirmDelete(selectedCount)}
      />
      <div className="items-layout" ref={panesRef}>
        <PaneGroup orientation="horizontal" id="items-panes">
          <Panel
            id="filters"
            panelRef={filtersPanel}
            defaultSize={210}
            minSize={160}
            maxSize={360}
            collapsible
            collapsedSize={0}
            groupResizeBehavior="preserve-pixel-size"
            onResize={(size) => setFiltersOpen(size.inPixels > 0)}
          >
            <Paper withBorder p="sm" className="items-pane items-facets">
              <FacetPanel
                facets={facets.data}
                collection={collection.data}
                filters={filters}
                onChange={changeFilters}
              />
            </Paper>
          </Panel>
          <Separator className="items-separator" aria-label="Resize filters" />
          <Panel id="list" minSize={300}>
            <div className="items-pane items-main" ref={listRef} data-shown-query={pages.shownText}>
              <NewItemsBar count={newItems} onShow={showNewItems} />
              {pages.error ? (
                <Alert color="red" title="The list could not be loaded">
                  {pages.error}
                  <Button size="xs" mt="sm" variant="light" onClick={() => setGeneration((g) => g + 1)}>
                    Try again
                  </Button>
                </Alert>
              ) : total === 0 ? (
                <Paper withBorder p="xl">
                  <Stack align="center" gap="xs" ta="center">
                    <SearchX size={28} aria-hidden="true" />
                    <Title order={3} size="h4">
                      No items match
                    </Title>
                    <Text size="sm">
                      Nothing matches “{pages.shownText}” with these filters. Try fewer words or clear the
                      filters.
                    </Text>
                    <Button
                      mt="xs"
                      variant="light"
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
                  shownKey={pages.shownKey}
                  updating={pages.updating}
                  sort={query.sort}
                  onSort={changeSort}
                  activeIndex={activeIndex}
                  onActivate={activate}
                  onOpen={openAt}
                  isSelected={selection.isSelected}
                  onToggle={selection.toggle}
                />
              )}
            </div>
          </Panel>
          {openId && (
            <>
              <Separator className="items-separator" aria-label="Resize detail" />
              <Panel id="detail" defaultSize="45%" minSize={300}>
                <Paper withBorder className="items-pane items-detail">
                  <ItemDetail key={openId} id={openId} onClose={closeDetail} />
                </Paper>
              </Panel>
            </>
          )}
        </PaneGroup>
        <ExportStatus
          exports={exports.exports}
          startError={exports.startError}
          onClearStartError={exports.clearStartError}
          onCancel={exports.cancel}
          onDismiss={(exportId) => {
            exports.dismiss(exportId);
            exportRef.current?.focus();
          }}
        />
      </div>
      <ExportDialog
        format={exportFormat}
        count={selectedCount > 0 ? selectedCount : (total ?? 0)}
        onClose={() => setExportFormat(null)}
        onExport={(format, fields) => {
          setExportFormat(null);
          void exports.start(format, scopeOf(selection.selection, query), fields);
        }}
      />
      <DeleteModal
        count={confirmDelete}
        busy={deleting}
        onConfirm={() => void onDelete()}
        onClose={() => setConfirmDelete(null)}
      />
    </>
  );
}
