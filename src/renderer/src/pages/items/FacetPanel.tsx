import { Button, Checkbox, MultiSelect, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import type { FacetCount, ItemFacets, ItemFilters } from '../../../../shared/itemsContract.ts';
import { EMPTY_FILTERS, hasFilters } from './queryState.ts';

const SOURCE_LABELS: Record<string, string> = {
  github_code: 'GitHub code',
  stackoverflow_qa: 'Stack Overflow',
};

const label = (f: FacetCount, names?: Record<string, string>) =>
  `${names?.[f.value] ?? f.value} (${f.count.toLocaleString('en-US')})`;

/** Values to offer: the counted ones, plus chosen ones that no longer have a count. */
function options(counts: FacetCount[] | undefined, chosen: string[]): FacetCount[] {
  const list = counts ?? [];
  const missing = chosen
    .filter((v) => !list.some((f) => f.value === v))
    .map((value) => ({ value, count: 0 }));
  return [...list, ...missing];
}

function CheckboxFacet(props: {
  title: string;
  counts?: FacetCount[];
  value: string[];
  names?: Record<string, string>;
  onChange: (value: string[]) => void;
}) {
  const list = options(props.counts, props.value);
  if (list.length === 0) return null;
  return (
    <Checkbox.Group label={props.title} value={props.value} onChange={props.onChange}>
      <Stack gap={6} mt={6}>
        {list.map((f) => (
          <Checkbox key={f.value} value={f.value} label={label(f, props.names)} size="xs" />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function SearchableFacet(props: {
  title: string;
  counts?: FacetCount[];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const list = options(props.counts, props.value);
  if (list.length === 0) return null;
  return (
    <MultiSelect
      size="xs"
      label={props.title}
      placeholder="Any"
      searchable
      clearable
      data={list.map((f) => ({ value: f.value, label: label(f) }))}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

/** Filters by source, language, repository, tag, licence, accepted answer and score, with counts. */
export function FacetPanel(props: {
  facets?: ItemFacets;
  filters: ItemFilters;
  onChange: (filters: ItemFilters) => void;
}) {
  const { facets, filters } = props;
  const set = <K extends keyof ItemFilters>(key: K, value: ItemFilters[K]) =>
    props.onChange({ ...filters, [key]: value });
  const accepted = filters.accepted === null ? 'any' : filters.accepted ? 'yes' : 'no';
  return (
    <Stack gap="md" aria-label="Filters" role="region">
      <CheckboxFacet
        title="Source"
        counts={facets?.source}
        value={filters.source}
        names={SOURCE_LABELS}
        onChange={(v) => set('source', v as ItemFilters['source'])}
      />
      <CheckboxFacet
        title="Language"
        counts={facets?.language}
        value={filters.language}
        onChange={(v) => set('language', v)}
      />
      <SearchableFacet
        title="Repository"
        counts={facets?.repository}
        value={filters.repository}
        onChange={(v) => set('repository', v)}
      />
      <SearchableFacet title="Tag" counts={facets?.tag} value={filters.tag} onChange={(v) => set('tag', v)} />
      <CheckboxFacet
        title="License"
        counts={facets?.license}
        value={filters.license}
        onChange={(v) => set('license', v)}
      />
      <div>
        <Text size="sm" fw={500} mb={4}>
          Accepted answer
        </Text>
        <SegmentedControl
          size="xs"
          fullWidth
          value={accepted}
          onChange={(v) => set('accepted', v === 'any' ? null : v === 'yes')}
          data={[
            { value: 'any', label: 'Any' },
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
        />
      </div>
      <NumberInput
        size="xs"
        label="Minimum score or stars"
        placeholder="Any"
        min={-1000}
        value={filters.minScore ?? ''}
        onChange={(v) => set('minScore', typeof v === 'number' ? v : null)}
      />
      {hasFilters(filters) && (
        <Button variant="subtle" size="xs" onClick={() => props.onChange(EMPTY_FILTERS)}>
          Clear filters
        </Button>
      )}
    </Stack>
  );
}
