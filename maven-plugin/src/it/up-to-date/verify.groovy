// Four builds in one log: scan, reuse, scan after the config changed, reuse of the failing result.
def log = new File(basedir, 'build.log').text
def key = new File(basedir, 'target/generated-key.txt').text.trim()
def runs = log.split(/\[INFO\] Building up-to-date 1\.0/).drop(1)
assert runs.size() == 4 : "four builds expected, got ${runs.size()}"

assert runs[0].contains('mcpsec: scanning')
assert !runs[0].contains('mcpsec: up to date')

assert !runs[1].contains('mcpsec: scanning') : 'nothing changed: the second build reuses the first'
assert runs[1] =~ /\[INFO\] mcpsec: up to date, 2 findings from the previous run \(.*\), reports in .*mcpsec \(-Dmcpsec\.force to rescan\)/
assert runs[1].contains('BUILD SUCCESS')

assert runs[2].contains('mcpsec: scanning') : 'a changed config is scanned again'
assert runs[2] =~ /\[ERROR\] \.mcp\.json:\d+: \[critical\] MCP-STRIPE-001/
def failure = (runs[2] =~ /mcpsec: \d+ findings? at or above <failOn>high<\/failOn>; reports in [^\n]*mcpsec\.sarif/)[0]

assert !runs[3].contains('mcpsec: scanning')
assert runs[3] =~ /mcpsec: up to date, 7 findings from the previous run/
assert runs[3] =~ /\[ERROR\] \.mcp\.json:\d+: \[critical\] MCP-STRIPE-001/ : 'the finding lines are logged again'
assert runs[3].contains(failure) : 'the reused run fails with the same message'
assert runs[3].contains('BUILD FAILURE')

def report = new File(basedir, 'target/mcpsec/mcpsec.json').text
assert report.contains('MCP-STRIPE-001') : 'the reports are those of the scan that found the key'
assert new File(basedir, 'target/mcpsec/mcpsec.sarif').isFile()
assert !log.contains(key) : 'the whole secret must never reach the build log'
assert !report.contains(key)
assert !new File(basedir, 'target/mcpsec/mcpsec-uptodate.properties').text.contains(key)
return true
