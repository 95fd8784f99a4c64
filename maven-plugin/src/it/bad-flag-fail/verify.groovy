def log = new File(basedir, 'build.log').text
assert log.contains("mcpsec: -Dmcpsec.projectPolicies must be true or false; got 'yes'")
assert !log.contains('mcpsec: scanning') : 'flags are checked before the engine runs'
return true
