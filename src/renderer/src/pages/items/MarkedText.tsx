import { Fragment } from 'react';
import { MATCH_END, MATCH_START } from '../../../../shared/itemsContract.ts';

/** Text from the core with search matches between markers, shown with <mark>; everything else is plain text. */
export function MarkedText(props: { text: string }) {
  const parts = props.text.split(MATCH_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <Fragment key={i}>{part}</Fragment>;
        const [matched, rest = ''] = part.split(MATCH_END);
        return (
          <Fragment key={i}>
            <mark>{matched}</mark>
            {rest}
          </Fragment>
        );
      })}
    </>
  );
}
