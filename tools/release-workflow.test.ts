import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './build-desktop'

/** Parses a workflow with GitHub's own parser and schema; returns its errors and its steps by job. */
const check = async (name: string, content: string) => {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const template = await convertWorkflowTemplate(parsed.context, parsed.value!)
  const errors = [...parsed.context.errors.getErrors().map((error) => error.message), ...(template.errors ?? []).map((error) => error.Message)]
  return { errors, template }
}

describe('the release workflow', () => {
  it('is a valid GitHub Actions workflow that builds, smoke-tests and publishes on three systems', async () => {
    const content = await readFile(join(repoRoot, '.github/workflows/release.yml'), 'utf8')
    const { errors, template } = await check('release.yml', content)
    expect(errors).toEqual([])
    const [job] = template.jobs as Array<{ id: { value: string }; steps: Array<{ run?: { value: string }; uses?: { value: string }; if?: { expr: string } }> }>
    expect(job!.id.value).toBe('installers')
    expect(content).toMatch(/os: \[windows-latest, macos-latest, ubuntu-latest\]/)
    const runs = job!.steps.map((step) => step.run?.value ?? '')
    expect(runs).toContain('xvfb-run --auto-servernum npm run test:electron')
    expect(runs).toContain('npx electron-builder --publish always')
    // The smoke test may not skip there, and signing comes from secrets.
    expect(content).toMatch(/ENSEMBLE_REQUIRE_ELECTRON: '1'/)
    for (const secret of ['MAC_CSC_LINK', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'WIN_CSC_LINK']) expect(content).toContain(`secrets.${secret}`)
  })

  it('is checked for real: a broken workflow is reported', async () => {
    const { errors } = await check('broken.yml', 'on: push\njobs:\n  build:\n    steps:\n      - run: echo hi\n    runs-of: ubuntu-latest\n')
    expect(errors.join('\n')).toMatch(/runs-of|runs-on/)
  })
})
