import { Group, Stack, Text, Title } from '@mantine/core';
import { CircleCheck } from 'lucide-react';
import { useMemo } from 'react';
import type { StackoverflowQaMetadata } from '../../../../shared/items.ts';
import { QaMarkdown } from './QaMarkdown.tsx';
import { qaSections } from './qaSections.ts';

/** Which answer this is: accepted or not, its score and its author. */
function AnswerHeading(props: { metadata: StackoverflowQaMetadata }) {
  const m = props.metadata;
  return (
    <Group gap="xs" align="baseline" mb={6}>
      <Title order={4} size="h5">
        {m.accepted ? (
          <span className="item-accepted">
            <CircleCheck size={14} aria-hidden="true" /> Accepted answer
          </span>
        ) : (
          'Answer'
        )}
      </Title>
      <Text span size="sm" className="item-dim">
        {m.answerScore.toLocaleString()} votes · by {m.author}
      </Text>
    </Group>
  );
}

/** A question and its answer, rendered from their Markdown-like text, code blocks highlighted. */
export function QaView(props: { content: string; metadata: StackoverflowQaMetadata }) {
  const sections = useMemo(() => qaSections(props.content), [props.content]);
  const language = props.metadata.tags[0];
  return (
    <Stack gap="md">
      <section aria-label="Question">
        <Group gap="xs" align="baseline" mb={6}>
          <Title order={4} size="h5">
            Question
          </Title>
          <Text span size="sm" className="item-dim">
            {props.metadata.questionScore.toLocaleString()} votes
          </Text>
        </Group>
        <QaMarkdown text={sections.question} fallbackLanguage={language} />
      </section>
      <section aria-label="Answer">
        <AnswerHeading metadata={props.metadata} />
        <QaMarkdown text={sections.answer} fallbackLanguage={language} />
      </section>
    </Stack>
  );
}
