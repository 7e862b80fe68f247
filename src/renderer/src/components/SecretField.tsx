import { Button, Group, PasswordInput, Text } from '@mantine/core';
import type { SecretChange, MaskedSecret } from '../../../shared/settings.ts';

/**
 * A token or key. The stored value never reaches the renderer: the field shows its masked form and
 * lets the user type a replacement (with show/hide) or clear it.
 */
export function SecretField(props: {
  label: string;
  description: string;
  stored: MaskedSecret;
  change: SecretChange;
  onChange: (change: SecretChange) => void;
  error?: string;
  testId: string;
  /** Whether secrets are encrypted at rest here (safeStorage), to say so honestly. */
  encrypted: boolean;
}) {
  const { stored, change } = props;
  const typed = change.action === 'set' ? change.value : '';
  const placeholder =
    change.action === 'clear'
      ? 'Will be cleared on save'
      : stored.isSet
        ? `Saved: ${stored.masked} — type to replace`
        : 'Not set';
  return (
    <div>
      <PasswordInput
        label={props.label}
        description={props.description}
        placeholder={placeholder}
        value={typed}
        error={props.error}
        autoComplete="off"
        data-testid={props.testId}
        visibilityToggleButtonProps={{ 'aria-label': `Show or hide the ${props.label.toLowerCase()}` }}
        onChange={(e) => {
          const value = e.currentTarget.value;
          props.onChange(value ? { action: 'set', value } : { action: 'keep' });
        }}
      />
      <Group gap="xs" mt={6}>
        {stored.isSet && change.action !== 'clear' && (
          <Text size="xs" c="dimmed" data-testid={`${props.testId}-masked`}>
            {props.encrypted ? 'Stored encrypted' : 'Stored'}: {stored.masked}
          </Text>
        )}
        {(stored.isSet || change.action !== 'keep') && (
          <Button
            size="compact-xs"
            variant="subtle"
            color={change.action === 'clear' ? 'gray' : 'red'}
            onClick={() =>
              props.onChange(change.action === 'clear' ? { action: 'keep' } : { action: 'clear' })
            }
          >
            {change.action === 'clear' ? 'Undo clear' : 'Clear'}
          </Button>
        )}
      </Group>
    </div>
  );
}
