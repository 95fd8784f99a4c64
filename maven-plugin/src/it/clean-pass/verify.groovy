import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('mcpsec: scanning')
assert log =~ /mcpsec: 1 config files, 1 servers, \d+ findings/
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/mcpsec/mcpsec.json'))
assert report.files*.file == ['.mcp.json']
assert report.findings.every { !(it.severity in ['critical', 'high']) }
return true
