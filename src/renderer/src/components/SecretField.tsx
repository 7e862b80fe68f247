import { Button, Group, PasswordInput, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SecretChange, MaskedSecret } from '../../../shared/settings.ts';

/**
 * A token or key. The stored value never reaches the renderer: the field shows its masked form and
 * lets the user type a replacement (with show/hide) or clear it. `aside` sits beside the input (the
 * connection check for this secret); `below` under it (that check's answer).
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
  aside?: ReactNode;
  below?: ReactNode;
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
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <PasswordInput
          style={{ flex: 1 }}
          label={props.label}
          description={props.description}
          placeholder={placeholder}
          value={typed}
          error={props.error}
          autoComplete="off"
          data-testid={props.testId}
          data-path={props.testId}
          visibilityToggleButtonProps={{ 'aria-label': `Show or hide the ${props.label.toLowerCase()}` }}
          onChange={(e) => {
            const value = e.currentTarget.value;
            props.onChange(value ? { action: 'set', value } : { action: 'keep' });
          }}
        />
        {props.aside}
      </Group>
      {stored.unreadable && change.action === 'keep' && (
        <Text size="xs" c="orange" mt={6} role="status" data-testid={`${props.testId}-unreadable`}>
          The saved {props.label.toLowerCase()} could not be decrypted (the system keychain changed). Enter it
          again.
        </Text>
      )}
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
            aria-label={`${change.action === 'clear' ? 'Undo clear of the' : 'Clear the'} ${props.label}`}
            onClick={() =>
              props.onChange(change.action === 'clear' ? { action: 'keep' } : { action: 'clear' })
            }
          >
            {change.action === 'clear' ? 'Undo clear' : 'Clear'}
          </Button>
        )}
      </Group>
      {props.below}
    </div>
  );
}
