def page = new File(basedir, 'target/site/mcpsec-aggregate.html')
assert page.isFile() : 'the aggregate page is in the execution root site'
def html = page.text
def key = new File(basedir, 'module-a/generated-key.txt').text.trim()
assert html.contains('of the reactor')
assert html.contains('module-a/.mcp.json') : 'one scan of the root finds the module config'
// the module column names the reactor module that holds the file
assert html =~ /<td[^>]*>module-a<\/td>/
assert !html.contains(key)
assert !new File(basedir, 'module-a/target/site/mcpsec-aggregate.html').exists() : 'aggregate is not inherited'
def log = new File(basedir, 'build.log').text
assert log.count('for the mcpsec-aggregate report') == 1 : 'one scan for the whole reactor'
assert log.contains('BUILD SUCCESS')
return true
