import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def out = new File(basedir, 'target/ci-reports')
// mcpsec-uptodate.properties is the goal's own record for its up-to-date check (docs/maven-plugin.md), not a report
def files = out.listFiles()*.name.sort() - ['mcpsec-uptodate.properties']
assert files == ['mcpsec.gitlab.json', 'mcpsec.json', 'mcpsec.junit.xml'] : "the -Dmcpsec.formats files, got ${files}"
def key = new File(basedir, 'generated-key.txt').text.trim()
def log = new File(basedir, 'build.log').text
// -Dmcpsec.severityOverrides re-rated the key findings to low: below -Dmcpsec.failOn=high, the build passes
assert log.contains('BUILD SUCCESS') : 'the re-rated findings no longer fail the build'
def json = new JsonSlurper().parse(new File(out, 'mcpsec.json'))
assert json.schemaVersion == '1.0'
def stripe = json.findings.findAll { it.checklist == 'stripe-test-keys' }
assert !stripe.isEmpty() && stripe.every { it.severity == 'low' }
// -Dmcpsec.excludeRules turned source-reviewed off
assert json.findings.every { it.checklist != 'source-reviewed' }
// -Dmcpsec.history=false: nothing from history
assert json.findings.every { it.checklist != 'history-secrets' }
def gitlab = new JsonSlurper().parse(new File(out, 'mcpsec.gitlab.json'))
assert gitlab.version == '15.0.7' && gitlab.scan.type == 'secret_detection'
assert gitlab.vulnerabilities.find { it.identifiers[0].value.startsWith('MCP-STRIPE') }?.severity == 'Low'
def junit = new XmlSlurper().parse(new File(out, 'mcpsec.junit.xml'))
def suite = junit.testsuite.find { it.@name == '.mcp.json' }
assert suite.testcase.size() > 0
assert suite.testcase.find { it.@name == 'stripe-test-keys' }.failure.size() == 0 : 'low is below failOn=high: passes'
for (f in out.listFiles()) {
    assert !f.text.contains(key) : "${f.name} must not hold the key"
}
assert !log.contains(key)
return true
