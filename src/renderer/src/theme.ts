import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: 'Inter, "Liberation Sans", system-ui, sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", "Liberation Mono", ui-monospace, monospace',
});
