import { Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { CodeView } from './CodeView.tsx';
import { qaSections, type QaBlock } from './qaSections.ts';

function Blocks(props: { blocks: QaBlock[]; fallbackLanguage?: string }) {
  return (
    <Stack gap="xs">
      {props.blocks.map((b, i) =>
        b.kind === 'text' ? (
          <Text key={i} size="sm" className="qa-text">
            {b.text}
          </Text>
        ) : (
          <CodeView key={i} code={b.code} language={b.language ?? props.fallbackLanguage} />
        ),
      )}
    </Stack>
  );
}

/** A question and its answer, prose as text and fenced code highlighted. */
export function QaView(props: { content: string; language?: string; accepted: boolean }) {
  const sections = useMemo(() => qaSections(props.content), [props.content]);
  return (
    <Stack gap="md">
      <section aria-label="Question">
        <Title order={5} mb={6}>
          Question
        </Title>
        <Blocks blocks={sections.question} fallbackLanguage={props.language} />
      </section>
      <section aria-label="Answer">
        <Title order={5} mb={6}>
          {props.accepted ? 'Accepted answer' : 'Answer'}
        </Title>
        <Blocks blocks={sections.answer} fallbackLanguage={props.language} />
      </section>
    </Stack>
  );
}
