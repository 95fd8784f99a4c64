def log = new File(basedir, 'build.log').text
assert log.contains('mcpsec:verify') : 'the goal is described'
// parameters with their user properties and help text, generated from the mojo
assert log.contains('failOn') && log.contains('User property: mcpsec.failOn')
assert log.contains('Fails the build on findings at or above this severity')
assert log.contains('User property: mcpsec.severityOverrides')
assert log.contains('User property: mcpsec.limits')
assert log.contains('Default: high')
// only the goal asked for
assert !log.contains('mcpsec:aggregate') : 'only -Dgoal=verify is described'
assert log.contains('BUILD SUCCESS')
return true
