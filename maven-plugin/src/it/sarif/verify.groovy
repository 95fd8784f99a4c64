import groovy.json.JsonSlurper

// mcpsec-uptodate.properties is the goal's own record for its up-to-date check (docs/maven-plugin.md), not a report
def files = new File(basedir, 'target/mcpsec').listFiles()*.name - ['mcpsec-uptodate.properties']
assert files == ['mcpsec.sarif'] : "only the SARIF report is written, got ${files}"
def sarif = new JsonSlurper().parse(new File(basedir, 'target/mcpsec/mcpsec.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results instanceof List
assert !sarif.runs[0].results.isEmpty() : 'the leaked key is a SARIF result'
def result = sarif.runs[0].results.find { it.locations[0].physicalLocation.artifactLocation.uri == '.mcp.json' }
assert result != null
assert result.locations[0].physicalLocation.region.startLine > 0
def log = new File(basedir, 'build.log').text
assert !log.contains('[ERROR] .mcp.json') : 'console is not among <formats>, findings stay out of the log'
assert log.contains('BUILD SUCCESS')
return true
