// The simulated Git repositories behind remote (Git Experience) pipelines: files by repository,
// branch and path. Remote pipelines created or updated through the API write their file here;
// import (routes/gitImport.ts) reads one. Seeded with the files of the seeded remote pipelines and
// two files in repository `app` (branch `main`) that no pipeline uses yet, to be imported.
// Assumption (no public source shows it): Harness reads the file at the branch head; the simulator
// keeps one version per branch and path.
import { gitObjectId, sha1 } from './ids';
import type { SimGitDetails, SimGitFile, SimPipeline, SimState } from './model';

/** The repository and branch of the import examples (ours). */
export const IMPORT_REPO = 'app';
export const IMPORT_BRANCH = 'main';

function importable(identifier: string, name: string, project: string): string {
  return `pipeline:
  name: ${name}
  identifier: ${identifier}
  orgIdentifier: default
  projectIdentifier: ${project}
  tags: {}
  stages:
    - stage:
        name: Build
        identifier: build
        type: Custom
        spec:
          execution:
            steps:
              - step:
                  type: ShellScript
                  name: Echo
                  identifier: echo
                  timeout: 10m
                  spec:
                    shell: Bash
                    onDelegate: true
                    source:
                      type: Inline
                      spec:
                        script: echo built from git
`;
}

function file(repoName: string, branch: string, filePath: string, content: string): SimGitFile {
  const objectId = gitObjectId(content);
  return {
    repoName,
    branch,
    filePath,
    content,
    objectId,
    commitId: sha1(`commit:${repoName}:${filePath}:${objectId}`),
  };
}

export function seedGitFiles(pipelines: SimPipeline[]): SimGitFile[] {
  const files: SimGitFile[] = [];
  for (const p of pipelines) {
    if (!p.git) continue;
    const { repoName, branch, filePath, objectId, commitId } = p.git;
    files.push({ repoName, branch, filePath, content: p.yaml, objectId, commitId });
  }
  files.push(
    file(
      IMPORT_REPO,
      IMPORT_BRANCH,
      '.harness/orgs/default/projects/default_project/pipelines/build_app.yaml',
      importable('build_app', 'Build app', 'default_project'),
    ),
    file(
      IMPORT_REPO,
      IMPORT_BRANCH,
      '.harness/release_app.yaml',
      importable('release_app', 'Release app', 'default_project'),
    ),
  );
  return files;
}

export function readGitFile(
  state: SimState,
  repoName: string,
  branch: string,
  filePath: string,
): SimGitFile | undefined {
  return state.gitFiles.find(
    (f) => f.repoName === repoName && f.branch === branch && f.filePath === filePath,
  );
}

/** Commits `content` at the pipeline's file (its objectId and commitId as the pipeline has them). */
export function writeGitFile(state: SimState, git: SimGitDetails, content: string): void {
  const existing = readGitFile(state, git.repoName, git.branch, git.filePath);
  const { repoName, branch, filePath, objectId, commitId } = git;
  const f: SimGitFile = { repoName, branch, filePath, content, objectId, commitId };
  if (existing) Object.assign(existing, f);
  else state.gitFiles.push(f);
}
