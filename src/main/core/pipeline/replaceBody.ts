/** The same response with another body; the final URL (after a redirect) kept, which Octokit reads. */
export function replaceBody(response: Response, body: ReadableStream<Uint8Array>): Response {
  const replaced = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(replaced, 'url', { value: response.url });
  Object.defineProperty(replaced, 'redirected', { value: response.redirected });
  return replaced;
}
