import { Text } from '@mantine/core';
import type { AppInfo } from '../../../../shared/api.ts';

/** Which data folder the app uses now, and the one saved for the next start when they differ. */
export function DataFolderNote(props: { info: AppInfo }) {
  const { info } = props;
  return (
    <Text size="xs" c="dimmed" mt={4} data-testid="data-folder-in-use">
      In use now: {info.dataFolder}
      {info.dataFolderPending && ` · From the next start: ${info.dataFolderPending}`}
    </Text>
  );
}
