def log = new File(basedir, 'build.log').text
def key = new File(basedir, 'generated-key.txt').text.trim()

// <fork>false</fork>: no scan JVM, the classes are loaded ahead in Maven's JVM instead
assert !log.contains('mcpsec: scan JVM: ')
assert log =~ /mcpsec: loading \d+ classes ahead of the scan/

assert log =~ /\[ERROR\] \.mcp\.json:\d+: \[critical\]/ : 'the leaked key is logged at ERROR with file:line'
assert log =~ /mcpsec: \d+ findings? at or above <failOn>high<\/failOn>; reports in .*mcpsec\.json, mcpsec\.sarif/
assert new File(basedir, 'target/mcpsec/mcpsec.json').isFile()
assert new File(basedir, 'target/mcpsec/mcpsec.sarif').isFile()
assert new File(basedir, 'target/mcpsec/mcpsec-uptodate.properties').isFile() : 'kept for the next build'
assert !log.contains(key) : 'the whole secret must never reach the build log'
assert !new File(basedir, 'target/mcpsec/mcpsec.json').text.contains(key)
return true
