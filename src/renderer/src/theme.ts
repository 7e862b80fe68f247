import {
  DEFAULT_THEME,
  createTheme,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/** Mantine's palette with a darker shade 9, so text on it and it on light backgrounds reach 4.5:1. */
const withDarkest = (name: keyof typeof DEFAULT_THEME.colors, darkest: string): MantineColorsTuple =>
  [...DEFAULT_THEME.colors[name].slice(0, 9), darkest] as unknown as MantineColorsTuple;

/**
 * The app's look in light and dark, chosen for WCAG AA contrast (4.5:1 for text) everywhere:
 * - every colour's "filled" and light-scheme text shade is 9 (Mantine's default 6/8 gives white on teal
 *   3.9:1), and the four palettes whose 9 is still too light (teal, green, orange, yellow) get a darker 9;
 * - secondary ("dimmed") text is one step stronger than Mantine's grey, which is 3.3:1 on white and 4.0:1
 *   on the dark body.
 */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 9 },
  autoContrast: true,
  colors: {
    teal: withDarkest('teal', '#0b7056'),
    green: withDarkest('green', '#1f7a33'),
    orange: withDarkest('orange', '#b23c0a'),
    yellow: withDarkest('yellow', '#8a5a00'),
  },
  components: {
    // The active link's hint is drawn at 90% opacity: 4.3:1 on the active background.
    NavLink: { styles: { description: { opacity: 1 } } },
    // A notification's text under its title is grey-6 in the light scheme (3.3:1); its close button is
    // unlabelled.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    },
  },
  defaultRadius: 'md',
  fontFamily: 'Inter, "Liberation Sans", system-ui, sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", "Liberation Mono", ui-monospace, monospace',
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-placeholder': 'var(--mantine-color-dark-2)',
  },
});
