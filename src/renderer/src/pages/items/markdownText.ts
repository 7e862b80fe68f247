/** The parts of a Markdown syntax tree this plugin looks at (mdast). */
type MdNode = { type: string; value?: string; children?: MdNode[] };

/**
 * A remark plugin that turns raw HTML in the Markdown into plain text: a question about `<div>` keeps
 * its "<div>" visible (react-markdown would otherwise drop it), and no markup from the text is rendered.
 */
export function htmlAsText() {
  return (tree: MdNode) => {
    const walk = (node: MdNode) => {
      if (node.type === 'html') node.type = 'text';
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}
