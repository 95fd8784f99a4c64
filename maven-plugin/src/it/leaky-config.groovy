// Shared by the ITs that need a leaky project: writes .mcp.json with a live-shaped Stripe key generated now,
// so no secret-shaped value is ever committed. Returns the key so callers can assert it never reaches the log.
def writeLeakyConfig(File dir) {
    def alphabet = (('a'..'z') + ('A'..'Z') + ('0'..'9')).join()
    def random = new Random()
    def key = 'sk_' + 'live_' + (1..24).collect { alphabet[random.nextInt(alphabet.length())] }.join()
    new File(dir, '.mcp.json').text = """{
  "mcpServers": {
    "stripe": {
      "command": "npx",
      "args": ["-y", "@stripe/mcp@0.2.4", "--tools=all"],
      "env": { "STRIPE_SECRET_KEY": "${key}" }
    }
  }
}
"""
    new File(dir, 'generated-key.txt').text = key
    return key
}

return this
