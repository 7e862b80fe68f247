import type { FakeRepo } from './corpus.ts';

/**
 * How repository objects look:
 * - "current": today's search answer (license object, topics, visibility …), with the fields GitHub
 *   leaves empty left empty: no licence → `license` absent or null, description/homepage/language null,
 *   pushed_at null on an empty repository.
 * - "recorded2014": the key set of shared/api-recordings/github/pygithub--Search.testSearchRepos.txt,
 *   which has no `license`, no `topics`, a `master_branch` beside `default_branch`, and search pages
 *   without `incomplete_results`.
 */
export type RepoShape = 'current' | 'recorded2014';

const urls = (api: string, full: string) => {
  const repo = `${api}/repos/${full}`;
  return {
    url: repo,
    forks_url: `${repo}/forks`,
    keys_url: `${repo}/keys{/key_id}`,
    collaborators_url: `${repo}/collaborators{/collaborator}`,
    hooks_url: `${repo}/hooks`,
    events_url: `${repo}/events`,
    branches_url: `${repo}/branches{/branch}`,
    tags_url: `${repo}/tags`,
    blobs_url: `${repo}/git/blobs{/sha}`,
    trees_url: `${repo}/git/trees{/sha}`,
    languages_url: `${repo}/languages`,
    contents_url: `${repo}/contents/{+path}`,
    archive_url: `${repo}/{archive_format}{/ref}`,
    issues_url: `${repo}/issues{/number}`,
    pulls_url: `${repo}/pulls{/number}`,
  };
};

/** One repository as the search answers it. `index` is its place in the corpus (its id is index + 1). */
export function repoJson(r: FakeRepo, index: number, api: string, shape: RepoShape): Record<string, unknown> {
  const full = `${r.owner}/${r.name}`;
  const web = `https://github.com/${full}`;
  const owner = {
    login: r.owner,
    id: 1000 + (index % 17),
    avatar_url: `https://avatars.githubusercontent.com/u/${1000 + (index % 17)}`,
    url: `${api}/users/${r.owner}`,
    html_url: `https://github.com/${r.owner}`,
    type: 'Organization',
    site_admin: false,
  };
  const pushedAt = r.empty ? null : r.pushedAt;
  const common = {
    id: index + 1,
    name: r.name,
    full_name: full,
    owner,
    private: false,
    html_url: web,
    description: index % 7 === 3 ? null : `Generated repository ${full}`,
    fork: r.fork,
    ...urls(api, full),
    created_at: '2020-01-01T00:00:00Z',
    updated_at: r.pushedAt,
    pushed_at: pushedAt,
    git_url: `git://github.com/${full}.git`,
    clone_url: `${web}.git`,
    homepage: index % 3 === 0 ? null : index % 3 === 1 ? '' : `https://${r.name}.example.org`,
    size: r.empty ? 0 : r.sizeKb,
    stargazers_count: r.stars,
    watchers_count: r.stars,
    language: r.empty ? null : r.language,
    has_issues: true,
    has_wiki: index % 2 === 0,
    forks_count: 3,
    mirror_url: null,
    open_issues_count: 1,
    forks: 3,
    open_issues: 1,
    watchers: r.stars,
    default_branch: r.defaultBranch,
    score: 1,
  };
  if (shape === 'recorded2014') return { ...common, master_branch: r.defaultBranch };
  const license = r.license
    ? {
        key: r.license.toLowerCase(),
        name: r.license,
        spdx_id: r.license,
        url: r.license === 'NOASSERTION' ? null : `${api}/licenses/${r.license.toLowerCase()}`,
        node_id: 'MDc6TGljZW5zZTA=',
      }
    : null;
  return {
    ...common,
    node_id: `R_${index + 1}`,
    archived: r.archived,
    disabled: false,
    visibility: 'public',
    topics: index % 4 === 0 ? [] : ['generated'],
    // No licence: GitHub sometimes leaves the key out, sometimes sends null.
    ...(license || index % 2 === 1 ? { license } : {}),
  };
}
