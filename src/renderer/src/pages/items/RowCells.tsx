import { Checkbox, Text } from '@mantine/core';
import { CircleCheck, FileCode2, MessagesSquare } from 'lucide-react';
import type { ReactNode } from 'react';
import type { ItemRow } from '../../../../shared/itemsContract.ts';
import { languageLabel, sourceLabel } from '../../../../shared/itemLabels.ts';
import type { ListColumn } from './listColumns.ts';
import { MarkedText } from './MarkedText.tsx';
import { dropVisiblePrefix } from './markers.ts';
import { formatDate } from './formatDate.ts';

/** Code files are titled repository/path; the repository has its own column, so show the path. */
function displayTitle(row: ItemRow): string {
  const title = row.titleHighlight ?? row.title;
  const prefix = row.repository ? `${row.repository}/` : '';
  return prefix && row.title.startsWith(prefix) ? dropVisiblePrefix(title, prefix.length) : title;
}

/** Which answer a Q&A row is: accepted or not, its own score and its author. */
function AnswerLine(props: { row: ItemRow }) {
  const { row } = props;
  return (
    <span className="item-answer">
      {row.accepted ? (
        <span className="item-accepted">
          <CircleCheck size={12} aria-hidden="true" /> Accepted
        </span>
      ) : (
        <span>Answer</span>
      )}
      {row.answerScore !== null && <span> · {row.answerScore.toLocaleString()} votes</span>}
      {row.author && <span> · {row.author}</span>}
      <span aria-hidden="true"> — </span>
    </span>
  );
}

function cell(column: ListColumn['column'], row: ItemRow): ReactNode {
  switch (column) {
    case 'title':
      return (
        <>
          <div className="item-title">
            <MarkedText text={displayTitle(row)} />
          </div>
          <div className="item-snippet">
            {row.source === 'stackoverflow_qa' && <AnswerLine row={row} />}
            <MarkedText text={row.snippet} />
          </div>
        </>
      );
    case 'repository':
      return (
        <Text span size="xs" className="item-meta item-dim">
          {row.repository ?? row.tags.join(', ')}
        </Text>
      );
    case 'score':
      return row.score?.toLocaleString() ?? '—';
    case 'language':
      return row.language ? languageLabel(row.language) : '—';
    case 'lines':
      return row.lines?.toLocaleString() ?? '—';
    case 'collectedAt':
      return (
        <Text span size="xs" className="item-dim">
          {formatDate(row.collectedAt)}
        </Text>
      );
  }
}

/** The cells of one row, for the columns that fit. */
export function RowCells(props: {
  row: ItemRow;
  columns: ListColumn[];
  selected: boolean;
  onToggle: () => void;
}) {
  const { row } = props;
  const qa = row.source === 'stackoverflow_qa';
  return (
    <>
      <div role="gridcell">
        <Checkbox
          size="xs"
          tabIndex={-1}
          aria-label={`Select ${row.title}`}
          checked={props.selected}
          onChange={props.onToggle}
          onClick={(e) => e.stopPropagation()}
        />
      </div>
      {/* A plain title rather than a tooltip component: rows are rendered by the dozen on every scroll. */}
      <div role="gridcell" title={sourceLabel(row.source)}>
        {qa ? (
          <MessagesSquare size={16} className="item-icon-qa" aria-label={sourceLabel(row.source)} />
        ) : (
          <FileCode2 size={16} className="item-icon-code" aria-label={sourceLabel(row.source)} />
        )}
      </div>
      {props.columns.map((c) => (
        <div
          key={c.column}
          role="gridcell"
          className={c.numeric ? 'item-num' : c.column === 'title' ? 'item-title-cell' : 'item-meta'}
        >
          {cell(c.column, row)}
        </div>
      ))}
    </>
  );
}
