def log = new File(basedir, 'build.log').text
assert log.contains("mcpsec: <failOn> must be one of critical, high, medium, low, info, never; got 'hgih'")
assert !log.contains('mcpsec: scanning') : 'parameters are checked before the engine runs'
return true
