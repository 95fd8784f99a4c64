def log = new File(basedir, 'build.log').text
assert log =~ /mcpsec: bundle acme\S*: 3 passed, 0 failed/ : 'the bundle project ran its own fixture tests'
assert log =~ /\[ERROR\] \.mcp\.json:\d+: \[high\] ACME-001 @shady-labs\/mcp-everything is on Acme's banned-packages list \(server everything\)/
assert !(log =~ /ACME-00\d .*\(server docs\)/) : 'the approved server raises no org finding'
assert log.contains('mcpsec: 1 finding at or above <failOn>high</failOn>') || log =~ /mcpsec: \d+ findings at or above <failOn>high<\/failOn>/
return true
