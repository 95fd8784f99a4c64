def log = new File(basedir, 'build.log').text
assert log.count('mcpsec: scanning') == 1 : 'one scan per build'
assert log.contains("mcpsec: scanning ${basedir.canonicalPath}") || log.contains("mcpsec: scanning ${basedir.absolutePath}")
assert log.count('is scanned once per build, in module dev.mcpsec.it:multi-module:pom:1.0; skipping module-') == 2
assert new File(basedir, 'target/mcpsec/mcpsec.json').isFile() : 'the report sits with the execution root'
assert !new File(basedir, 'module-a/target/mcpsec').exists()
return true
