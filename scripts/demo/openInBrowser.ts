import open from 'open';

/**
 * Opens a URL in the user's browser when there is one to open; says so and carries on otherwise
 * (a server, a container, a terminal without a display). Never throws.
 */
export function openInBrowser(url: string): void {
  const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (noDisplay) {
    console.log('(No display here, so no browser was opened: open the address above in any browser.)');
    return;
  }
  const cannot = () => console.log('(Could not open a browser: open the address above in any browser.)');
  open(url)
    .then((child) => child.once('error', cannot))
    .catch(cannot);
}
