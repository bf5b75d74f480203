// axe-core inside the browser tests: inject node_modules/axe-core/axe.min.js into the page and run it on what is on
// screen, returning the serious and critical violations (WCAG 2.0/2.1 A and AA rules and axe's best practices).
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string
  help: string
  /** the offending elements (CSS selectors) with axe's summary of what is wrong with each */
  nodes: Array<{ target: string; summary: string }>
}

interface AxeResult {
  violations: Array<{
    id: string
    impact?: string | null
    help: string
    nodes: Array<{ target: unknown[]; failureSummary?: string }>
  }>
}

/**
 * The serious and critical violations on the page as it is now. Taro's H5 router keeps earlier pages in the DOM,
 * hidden: axe skips hidden elements, so only the page on screen (and the tab bar, navigation bar) is checked.
 */
export async function axeViolations(
  page: Page,
  options: { disableRules?: string[] } = {},
): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE })
  const rules = Object.fromEntries((options.disableRules ?? []).map((id) => [id, { enabled: false }]))
  const result = (await page.evaluate(
    (runOptions) =>
      (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(
        document,
        runOptions,
      ),
    { resultTypes: ['violations'], rules },
  )) as AxeResult
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        summary: n.failureSummary ?? '',
      })),
    }))
}

/** A readable list for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`)
          .join('\n'),
    )
    .join('\n')
}
