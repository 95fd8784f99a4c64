evaluate(new File(basedir, '../../../src/it/leaky-config.groovy')).writeLeakyConfig(basedir)
return true
