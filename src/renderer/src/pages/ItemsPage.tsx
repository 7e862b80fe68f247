import { ItemsBrowser } from './items/ItemsBrowser.tsx';

export function ItemsPage(props: { onOpenSettings: () => void }) {
  // The Dashboard is a hash route; App only hands this page the way to Settings.
  return (
    <ItemsBrowser
      onOpenSettings={props.onOpenSettings}
      onOpenDashboard={() => (window.location.hash = '#/dashboard')}
    />
  );
}
