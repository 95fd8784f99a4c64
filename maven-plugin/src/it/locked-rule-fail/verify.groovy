import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// 2: the locked rule cannot be disabled by the project; the error names the bundle and the file that tried
assert log.contains('rule LOCK-001 is locked by bundle lockco@1.0.0') : 'the build names the bundle that locked the rule'
assert log.contains('mcpsec: configuration error: rule LOCK-001 is locked by bundle lockco@1.0.0 (')
assert log.contains('.mcpsec/config.json cannot disable it ("disable": LOCK-001)')
assert !new File(basedir, 'consumer/target/mcpsec/mcpsec.json').exists() : 'no report: the configuration was refused'

// 3: the suppression and the disabled rule are recorded with their reasons; the applied bundles with their SHA-256
def sarif = new JsonSlurper().parse(new File(basedir, 'suppressed/target/mcpsec/mcpsec.sarif'))
def run = sarif.runs[0]
def suppressed = run.results.findAll { it.suppressions }
assert !suppressed.isEmpty() : 'the filesystem-scope finding is a suppressed result'
assert suppressed.every { it.suppressions[0].kind == 'external' && it.suppressions[0].justification == 'throwaway VM image without user data' }
def lockco = run.tool.extensions.find { it.name == 'lockco' }
assert lockco != null && lockco.version == '1.0.0' && lockco.properties.sha256 ==~ /[0-9a-f]{64}/
assert run.properties.mcpsecRuleOverrides.any { it.kind == 'disable' && it.ruleId.startsWith('MCP-REV-') && it.reason == 'the VM image is rebuilt from a reviewed list' }
def json = new JsonSlurper().parse(new File(basedir, 'suppressed/target/mcpsec/mcpsec.json'))
assert json.suppressed.every { it.source == 'config' && it.reason }
assert json.policy.bundles*.id.containsAll(['builtin', 'lockco'])
assert log =~ /mcpsec: \d+ suppressed by config; policy: \d+ rules? disabled \(MCP-REV-\d+ by \.mcpsec\/config\.json: the VM image is rebuilt from a reviewed list/ : 'the build log summarises the exceptions'
return true
