def log = new File(basedir, 'build.log').text
assert log.contains('mcpsec: a policy bundle could not be loaded')
assert log =~ /broken\.drl:(9|10|11)\b/ : 'the DRL error names the file and the line'
return true
