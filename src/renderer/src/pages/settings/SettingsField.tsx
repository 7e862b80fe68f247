import { MultiSelect, NumberInput, Switch, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { LANGUAGE_NAMES } from '../../../../shared/languageNames.ts';
import { LANGUAGES, type PublicSettings, type SecretChange } from '../../../../shared/settings.ts';
import { SecretField } from '../../components/SecretField.tsx';
import type { SettingsFormValues } from './settingsForm.ts';
import type { FieldSpec, SectionId } from './settingsFields.ts';

const LANGUAGE_OPTIONS = LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }));

export type FieldContext = {
  form: UseFormReturnType<SettingsFormValues>;
  saved: PublicSettings;
  secretsEncrypted: boolean;
  /** What is in use, shown as the folder field's placeholder. */
  dataFolder?: string;
};

type FieldProps = FieldContext & {
  section: SectionId;
  spec: FieldSpec;
  /** A note under the field, e.g. what saving it will do. */
  note?: string;
  /** More under the field (the data folder in use). */
  extra?: ReactNode;
  /** Secrets: beside the input (its connection check) and under it (that check's answer). */
  aside?: ReactNode;
  below?: ReactNode;
};

/** One setting, drawn from its row of the field table and bound to the form by its path. */
export function SettingsField(props: FieldProps) {
  const { form, spec } = props;
  const path = `${props.section}.${spec.key}`;
  const common = {
    label: spec.label,
    description: spec.description,
    'data-testid': path,
    ...form.getInputProps(path, { type: spec.kind === 'switch' ? 'checkbox' : 'input' }),
  };
  const note = props.note && (
    <Text size="xs" c="orange" mt={4} data-testid={`${path}-note`} role="note">
      {props.note}
    </Text>
  );
  switch (spec.kind) {
    case 'secret':
      return (
        <SecretField
          label={spec.label}
          description={spec.description}
          stored={
            (props.saved[props.section] as unknown as Record<string, PublicSettings['github']['token']>)[
              spec.key
            ]
          }
          change={form.getValues()[props.section][spec.key as never] as SecretChange}
          onChange={(c) => form.setFieldValue(path, c as never)}
          error={form.errors[path] as string | undefined}
          testId={path}
          encrypted={props.secretsEncrypted}
          aside={props.aside}
          below={props.below}
        />
      );
    case 'number':
      return <NumberInput {...common} thousandSeparator={spec.thousands ? ',' : undefined} />;
    case 'switch':
      return <Switch {...common} />;
    case 'tags':
      return <TagsInput {...common} />;
    case 'languages':
      return (
        <MultiSelect
          {...common}
          data={LANGUAGE_OPTIONS}
          searchable
          hidePickedOptions
          nothingFoundMessage="No such language, or it is already chosen"
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'textarea':
      return <Textarea {...common} autosize minRows={1} />;
    case 'date':
      return <TextInput {...common} type="date" />;
    case 'folder':
      return (
        <div>
          <TextInput {...common} placeholder={props.dataFolder} />
          {props.extra}
        </div>
      );
    case 'url':
    case 'text':
      return (
        <div>
          <TextInput {...common} />
          {note}
        </div>
      );
  }
}
