def log = new File(basedir, 'build.log').text
assert log.contains('mcpsec: case never-fires FAILED')
assert log =~ /WRONG-001/ : 'the problem names the missing rule'
assert log.contains('mcpsec: 1 of 1 fixture cases of bundle')
return true
