// A clean config in app/ (the scanned folder), the leaky one staged under target/ for the third build, and a git repository of
// app's own (the IT folder lies inside mcpsec's checkout, whose .git the scan must not follow).
def app = new File(basedir, 'app')
app.mkdirs()
new File(app, '.mcp.json').text = '''{
  "mcpServers": {
    "stripe": {
      "command": "npx",
      "args": ["-y", "@stripe/mcp@0.2.4", "--tools=all"],
      "env": { "STRIPE_SECRET_KEY": "${STRIPE_SECRET_KEY}" }
    }
  }
}
'''
def staged = new File(basedir, 'target/staged')
staged.mkdirs()
evaluate(new File(basedir, '../../../src/it/leaky-config.groovy')).writeLeakyConfig(staged)
new File(staged, 'generated-key.txt').renameTo(new File(basedir, 'target/generated-key.txt'))
def git = { String... args ->
    def p = (['git', '-c', 'user.name=mcpsec-it', '-c', 'user.email=it@example.invalid', '-c', 'commit.gpgsign=false']
            + args.toList()).execute(null, app)
    p.waitForProcessOutput(System.out, System.err)
    assert p.exitValue() == 0 : "git ${args} failed"
}
git('init', '-q')
git('add', '.mcp.json')
git('commit', '-q', '-m', 'initial')
return true
