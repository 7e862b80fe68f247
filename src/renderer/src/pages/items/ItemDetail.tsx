import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { ExternalLink, X } from 'lucide-react';
import type { ReactNode } from 'react';
import type { CollectedItem, DocFormat } from '../../../../shared/items.ts';
import { languageLabel, sourceLabel } from '../../../../shared/itemLabels.ts';
import { api, useApiQuery } from '../../hooks/api.ts';
import { CodeView } from './CodeView.tsx';
import { CopyTextButton } from './CopyTextButton.tsx';
import { formatDate, formatDateTime } from './formatDate.ts';
import { QaView } from './QaView.tsx';

const open = (url: string) => void api.openItemUrl(url);
const count = (n: number) => n.toLocaleString();

function Link(props: { url: string; children: ReactNode }) {
  return (
    <Anchor
      href={props.url}
      size="sm"
      onClick={(e) => {
        e.preventDefault();
        open(props.url);
      }}
    >
      {props.children}
    </Anchor>
  );
}

const DOC_FORMATS: Record<DocFormat, string> = {
  markdown: 'Markdown',
  restructuredtext: 'reStructuredText',
  text: 'Plain text',
};

function metadataRows(item: CollectedItem): [string, ReactNode][] {
  if (item.source === 'github_code') {
    const m = item.metadata;
    return [
      ['Repository', <Link url={m.repositoryUrl}>{m.repository}</Link>],
      ['Path', m.path],
      ['Language', languageLabel(m.language)],
      ['Lines of code', count(m.linesOfCode)],
      ['Size', `${count(m.size)} bytes`],
      ['Stars', count(m.stars)],
      ['License', m.license ?? 'none given'],
      ['Branch', m.defaultBranch],
      ['Last pushed', formatDateTime(m.lastModified)],
      ['Imports', m.imports.join(', ') || '—'],
      ['Functions', m.functions.join(', ') || '—'],
      ['Classes', m.classes.join(', ') || '—'],
      ['Blob SHA', m.blobSha],
    ];
  }
  if (item.source === 'github_doc') {
    const m = item.metadata;
    return [
      ['Repository', <Link url={m.repositoryUrl}>{m.repository}</Link>],
      ['Path', m.path],
      ['Format', DOC_FORMATS[m.format]],
      ['Lines of text', m.linesOfText],
      ['Size', `${m.size.toLocaleString('en-US')} bytes`],
      ['Stars', m.stars.toLocaleString('en-US')],
      ['License', m.license ?? 'none given'],
      ['Branch', m.defaultBranch],
      ['Last pushed', m.lastModified],
      ['Blob SHA', m.blobSha],
    ];
  }
  const m = item.metadata;
  return [
    ['Site', m.site],
    ['Tags', m.tags.join(', ')],
    ['Question', <Link url={m.url}>#{m.questionId}</Link>],
    ['Answer', <Link url={m.answerUrl}>#{m.answerId}</Link>],
    [
      'Scores',
      `question ${count(m.questionScore)}, answer ${count(m.answerScore)} (total ${count(m.totalScore)})`,
    ],
    ['Accepted', m.accepted ? 'yes' : 'no'],
    ['Views', count(m.viewCount)],
    ['Asked', formatDateTime(m.createdAt)],
    ['Author', m.authorUrl ? <Link url={m.authorUrl}>{m.author}</Link> : m.author],
    ['License', m.license],
  ];
}

function Attribution(props: { item: CollectedItem }) {
  const { item } = props;
  const collected = formatDate(item.collectedAt);
  if (item.source === 'github_code' || item.source === 'github_doc')
    return (
      <Text size="xs" className="item-dim">
        From {item.metadata.repository}, licensed {item.metadata.license ?? 'without a stated licence'}.
        Collected {collected}.
      </Text>
    );
  return (
    <Text size="xs" className="item-dim">
      Answer by {item.metadata.author} on Stack Overflow, licensed {item.metadata.license}. Collected{' '}
      {collected}.
    </Text>
  );
}

function DetailBody(props: { item: CollectedItem }) {
  const { item } = props;
  const github = item.source !== 'stackoverflow_qa';
  const url = github ? item.metadata.fileUrl : item.metadata.answerUrl;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="light" color={github ? 'gray' : 'orange'}>
          {github ? sourceLabel(item.source) : 'Stack Overflow Q&A'}
        </Badge>
        {item.source === 'github_code' ? (
          <Badge variant="outline">{languageLabel(item.metadata.language)}</Badge>
        ) : item.source === 'github_doc' ? (
          <Badge variant="outline">{DOC_FORMATS[item.metadata.format]}</Badge>
        ) : (
          item.metadata.tags.map((t) => (
            <Badge key={t} variant="outline" tt="none">
              {t}
            </Badge>
          ))
        )}
      </Group>
      <Group gap="xs">
        <Button size="xs" variant="light" leftSection={<ExternalLink size={14} />} onClick={() => open(url)}>
          {github ? 'Open on GitHub' : 'Open on Stack Overflow'}
        </Button>
        <CopyTextButton value={item.content} label="Copy text" size="xs" variant="default" />
      </Group>
      <Attribution item={item} />
      {item.source === 'github_code' ? (
        <CodeView code={item.content} language={item.metadata.language} label={item.metadata.path} />
      ) : item.source === 'github_doc' ? (
        <CodeView code={item.content} label={item.metadata.path} />
      ) : (
        <QaView content={item.content} metadata={item.metadata} />
      )}
      <Table withTableBorder withRowBorders={false} fz="xs" verticalSpacing={4}>
        <Table.Tbody>
          {metadataRows(item).map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Th w={120}>{key}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The chosen item in full: highlighted code or the Q&A, every metadata field and where it came from. */
export function ItemDetail(props: { id: string; onClose: () => void }) {
  const query = useApiQuery('getItem', props.id);
  return (
    <Stack gap="sm" p="md" role="region" aria-label="Item detail" data-testid="item-detail">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={3} size="h4" style={{ wordBreak: 'break-word' }}>
          {query.data?.title ?? 'Loading…'}
        </Title>
        <ActionIcon variant="subtle" aria-label="Close detail (Escape)" onClick={props.onClose}>
          <X size={18} />
        </ActionIcon>
      </Group>
      {query.loading && <Loader size="sm" aria-label="Loading item" />}
      {query.error && <Alert color="red">{query.error}</Alert>}
      {!query.loading && query.data === null && (
        <Alert color="yellow">This item is no longer in the collection.</Alert>
      )}
      {query.data && <DetailBody item={query.data} />}
    </Stack>
  );
}
