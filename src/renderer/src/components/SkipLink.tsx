/**
 * The first Tab stop: jumps past the sidebar to the page. Focuses the target itself rather than
 * following "#id", which would replace the route in the hash.
 */
export function SkipLink(props: { target: string }) {
  return (
    <a
      className="skip-link"
      href={`#${props.target}`}
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(props.target)?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
