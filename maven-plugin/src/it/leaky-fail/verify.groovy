def log = new File(basedir, 'build.log').text
def key = new File(basedir, 'generated-key.txt').text.trim()

assert log.contains('mcpsec: scanning')
assert log =~ /\[ERROR\] \.mcp\.json:\d+: \[critical\]/ : 'the leaked key is logged at ERROR with file:line'
assert log =~ /mcpsec: \d+ findings? at or above <failOn>high<\/failOn>; reports in .*mcpsec\.json, mcpsec\.sarif/
assert new File(basedir, 'target/mcpsec/mcpsec.json').isFile()
assert new File(basedir, 'target/mcpsec/mcpsec.sarif').isFile()
assert !log.contains(key) : 'the whole secret must never reach the build log'
assert !new File(basedir, 'target/mcpsec/mcpsec.json').text.contains(key)
return true
