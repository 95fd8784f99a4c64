evaluate(new File(basedir, '../../../src/it/leaky-config.groovy')).writeLeakyConfig(new File(basedir, 'module-a'))
return true
