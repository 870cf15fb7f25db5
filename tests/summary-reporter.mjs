// node:test reporter that prints the project's closing line: "N passed, N failed" (", N skipped" when any).
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    const data = event.data ?? {};
    // Suites report too; only leaf tests are counted.
    if (data.details?.type === 'suite') continue;
    if (event.type === 'test:pass') {
      if (data.skip || data.todo) skipped += 1;
      else passed += 1;
    } else if (event.type === 'test:fail') {
      failed += 1;
    }
  }
  yield `\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`;
}
