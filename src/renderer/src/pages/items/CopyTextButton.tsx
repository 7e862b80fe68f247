import { Button, CopyButton, type MantineSize } from '@mantine/core';
import { Check, Copy } from 'lucide-react';

/** Copies text to the clipboard and says "Copied" for a moment. */
export function CopyTextButton(props: {
  value: string;
  label: string;
  size: 'compact-xs' | MantineSize;
  variant: 'subtle' | 'default';
}) {
  const icon = props.size === 'compact-xs' ? 12 : 14;
  return (
    <CopyButton value={props.value}>
      {({ copied, copy }) => (
        <Button
          size={props.size}
          variant={props.variant}
          leftSection={copied ? <Check size={icon} /> : <Copy size={icon} />}
          onClick={copy}
        >
          {copied ? 'Copied' : props.label}
        </Button>
      )}
    </CopyButton>
  );
}
