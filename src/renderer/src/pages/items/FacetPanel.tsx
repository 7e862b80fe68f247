import { Button, Checkbox, MultiSelect, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { ItemFacets, ItemFilters } from '../../../../shared/itemsContract.ts';
import { languageLabel, sourceLabel } from '../../../../shared/itemLabels.ts';
import { facetOptions, type FacetOption } from './facetOptions.ts';
import { EMPTY_FILTERS, hasFilters } from './queryState.ts';

const label = (f: FacetOption, name: (value: string) => string) =>
  `${name(f.value)} (${f.count.toLocaleString()})`;

const asIs = (value: string) => value;

function CheckboxFacet(props: {
  title: string;
  options: FacetOption[];
  value: string[];
  name?: (value: string) => string;
  onChange: (value: string[]) => void;
}) {
  if (props.options.length === 0) return null;
  return (
    <Checkbox.Group label={props.title} value={props.value} onChange={props.onChange}>
      <Stack gap={6} mt={6}>
        {props.options.map((f) => (
          <Checkbox
            key={f.value}
            value={f.value}
            label={label(f, props.name ?? asIs)}
            size="xs"
            data-none={f.count === 0 || undefined}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function SearchableFacet(props: {
  title: string;
  options: FacetOption[];
  everywhere: boolean;
  value: string[];
  onChange: (value: string[]) => void;
}) {
  if (!props.everywhere && props.options.length === 0) return null;
  return (
    <MultiSelect
      size="xs"
      label={props.title}
      placeholder={props.options.length ? 'Any' : 'None in these results'}
      searchable
      clearable
      nothingFoundMessage="No such value in these results"
      data={props.options.map((f) => ({ value: f.value, label: label(f, asIs) }))}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

/**
 * Filters by source, language, repository, tag, licence, accepted answer and score, with counts. Every
 * value of the whole collection stays listed (at 0 when the search has none), so the panel does not
 * jump or vanish while the user types.
 */
export const FacetPanel = memo(function FacetPanel(props: {
  facets?: ItemFacets;
  /** The whole collection's facets: which values exist at all. */
  collection?: ItemFacets;
  filters: ItemFilters;
  onChange: (filters: ItemFilters) => void;
}) {
  const { facets, collection, filters } = props;
  const set = <K extends keyof ItemFilters>(key: K, value: ItemFilters[K]) =>
    props.onChange({ ...filters, [key]: value });
  const options = (name: 'source' | 'language' | 'repository' | 'tag' | 'license', keepAll: boolean) =>
    facetOptions({
      counts: facets?.[name],
      collection: keepAll ? collection?.[name] : undefined,
      chosen: filters[name],
    });
  const accepted = filters.accepted === null ? 'any' : filters.accepted ? 'yes' : 'no';
  const acceptedCount = (value: 'true' | 'false') =>
    (facets?.accepted.find((f) => f.value === value)?.count ?? 0).toLocaleString();
  return (
    <Stack gap="md" aria-label="Filters" role="region" id="item-filters">
      <CheckboxFacet
        title="Source"
        options={options('source', true)}
        value={filters.source}
        name={sourceLabel}
        onChange={(v) => set('source', v as ItemFilters['source'])}
      />
      <CheckboxFacet
        title="Language"
        options={options('language', true)}
        value={filters.language}
        name={languageLabel}
        onChange={(v) => set('language', v)}
      />
      <SearchableFacet
        title="Repository"
        options={options('repository', false)}
        everywhere={(collection?.repository.length ?? 0) > 0}
        value={filters.repository}
        onChange={(v) => set('repository', v)}
      />
      <SearchableFacet
        title="Tag"
        options={options('tag', false)}
        everywhere={(collection?.tag.length ?? 0) > 0}
        value={filters.tag}
        onChange={(v) => set('tag', v)}
      />
      <CheckboxFacet
        title="License"
        options={options('license', true)}
        value={filters.license}
        onChange={(v) => set('license', v)}
      />
      <div>
        <Text size="sm" fw={500} mb={4} id="accepted-facet">
          Accepted answer
        </Text>
        <SegmentedControl
          size="xs"
          fullWidth
          aria-labelledby="accepted-facet"
          value={accepted}
          onChange={(v) => set('accepted', v === 'any' ? null : v === 'yes')}
          data={[
            { value: 'any', label: 'Any' },
            { value: 'yes', label: `Yes (${acceptedCount('true')})` },
            { value: 'no', label: `No (${acceptedCount('false')})` },
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
});
