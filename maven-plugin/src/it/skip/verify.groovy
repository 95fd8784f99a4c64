def log = new File(basedir, 'build.log').text
assert log.contains('mcpsec: skipped (mcpsec.skip)')
assert !log.contains('mcpsec: scanning')
assert !new File(basedir, 'target/mcpsec').exists()
return true
