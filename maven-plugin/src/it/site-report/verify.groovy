def page = new File(basedir, 'target/site/mcpsec.html')
assert page.isFile() : 'mvn site renders the mcpsec page'
def html = page.text
def key = new File(basedir, 'generated-key.txt').text.trim()
assert html.contains('mcpsec: MCP configuration security')
assert html.contains('stripe-test-keys') && html.contains('.mcp.json:')
assert html.contains('Credentials by server') && html.contains('sk_live_')
assert !html.contains(key) : 'the site page never holds the key'
def standalone = new File(basedir, 'target/site/mcpsec-report.html')
assert standalone.isFile() && standalone.text.contains('<svg') : 'the standalone report with its chart sits next to it'
assert !standalone.text.contains(key)
assert html.contains('mcpsec-report.html') : 'the page links to it'
def index = new File(basedir, 'target/site/project-reports.html')
assert index.isFile() && index.text.contains('mcpsec.html') : 'listed under Project Reports'
assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS') : 'a report never fails the build'
return true
