def log = new File(basedir, 'build.log').text
def key = new File(basedir, 'generated-key.txt').text.trim()

// the scan ran in a JVM of its own: Maven's java, the worker class, nothing of the project on its command line
def command = log.readLines().find { it.contains('mcpsec: scan JVM: ') }
assert command != null : 'the goal logs the scan JVM it starts (at debug level)'
assert command =~ /scan JVM: \S*[\/\\]bin[\/\\]java(\.exe)? / : 'Maven\'s own java'
assert command.contains('dev.mcpsec.maven.ScanWorker')
assert command.contains('-XX:TieredStopAtLevel=1')
assert command =~ /-XX:(SharedArchiveFile|ArchiveClassesAtExit)=\S*it-cache\/class-data\/scan-[0-9a-f]{32}\.jsa/ : 'the archive lives in the cache folder'
assert !command.contains(basedir.name + '/.mcp.json')

// and the build failed exactly as a scan in Maven's JVM makes it fail
assert log =~ /\[ERROR\] \.mcp\.json:\d+: \[critical\]/ : 'the leaked key is logged at ERROR with file:line'
assert log =~ /mcpsec: \d+ findings? at or above <failOn>high<\/failOn>; reports in .*mcpsec\.json, mcpsec\.sarif/
assert new File(basedir, 'target/mcpsec/mcpsec.json').isFile()
assert new File(basedir, 'target/mcpsec/mcpsec.sarif').isFile()
assert new File(basedir, 'target/mcpsec/mcpsec-uptodate.properties').isFile() : 'kept for the next build'
// the JVM's own messages (class-data sharing) never reach the log
assert !(log =~ /\[(warning|error)\]\[cds/)
assert !log.contains(key) : 'the whole secret must never reach the build log'
assert !new File(basedir, 'target/mcpsec/mcpsec.json').text.contains(key)
def archives = new File(basedir, '../../it-cache/class-data').listFiles().findAll { it.name.endsWith('.jsa') }
assert !archives.isEmpty() : 'a class-data archive was kept'
return true
