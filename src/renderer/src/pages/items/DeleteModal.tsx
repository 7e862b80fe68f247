import { Button, Group, Modal, Text } from '@mantine/core';

/** Asks before deleting, naming how many items will go. */
export function DeleteModal(props: {
  count: number | null;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const n = (props.count ?? 0).toLocaleString('en-US');
  return (
    <Modal opened={props.count !== null} onClose={props.onClose} title="Delete items" centered>
      <Text size="sm">
        Delete {n} item{props.count === 1 ? '' : 's'} from the collection? This cannot be undone; a later run
        collects them again if they still match your settings.
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={props.onClose}>
          Keep them
        </Button>
        <Button color="red" loading={props.busy} onClick={props.onConfirm}>
          Delete {n}
        </Button>
      </Group>
    </Modal>
  );
}
