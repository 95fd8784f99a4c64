def log = new File(basedir, 'build.log').text
def root = [basedir.canonicalPath, basedir.absolutePath]
// 1: started in module-a, the scan still covers the reactor root and its filesystem server on /
assert root.any { log.contains("mcpsec: scanning ${it}\n") || log.contains("mcpsec: scanning ${it}\r") } : 'the reactor root is scanned'
assert log =~ /\[ERROR\] \.mcp\.json:\d+: \[high\] MCP-FS-001/ : 'the root config is judged from the module build'
assert log.contains('at or above <failOn>high</failOn>')
// 2: the command-line failOn took effect; nothing warns that it was ignored
assert log.contains('BUILD SUCCESS')
assert !log.contains('is ignored: the POM sets <failOn>')
// the built-in bundle compiles without Drools warnings (which would reach the log without a rule's file:line)
assert !log.contains('causes class reactivity')
return true
