import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import type { LeaveGuard } from '../hooks/leaveGuard.tsx';

/** Asked when the user leaves a page with unsaved changes: save them, drop them, or stay. */
export function UnsavedChangesModal(props: {
  guard: LeaveGuard | null;
  opened: boolean;
  onStay(): void;
  onLeave(): void;
}) {
  const [saving, setSaving] = useState(false);
  // After a failed save focus is on the first field to fix: closing must not take it back to the link.
  const [returnFocus, setReturnFocus] = useState(true);
  const what = props.guard?.what ?? 'this page';
  return (
    <Modal
      opened={props.opened}
      onClose={props.onStay}
      title={`Unsaved changes in ${what}`}
      centered
      returnFocus={returnFocus}
      onExitTransitionEnd={() => setReturnFocus(true)}
    >
      <Text size="sm" mb="lg">
        You changed {what} without saving. Save the changes before you go, or leave them behind?
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onStay} data-autofocus>
          Keep editing
        </Button>
        <Button
          variant="light"
          color="red"
          onClick={() => {
            props.guard?.discard();
            props.onLeave();
          }}
        >
          Discard changes
        </Button>
        <Button
          loading={saving}
          onClick={async () => {
            setSaving(true);
            const saved = (await props.guard?.save()) ?? true;
            setSaving(false);
            if (saved) props.onLeave();
            else {
              setReturnFocus(false);
              props.onStay();
            }
          }}
        >
          Save and leave
        </Button>
      </Group>
    </Modal>
  );
}
