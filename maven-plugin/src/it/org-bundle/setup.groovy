import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

// The IT builds the real examples/org-bundle and examples/org-bundle-consumer, so the documented examples stay working.
Path examples = basedir.toPath().resolve('../../../../examples').normalize()
['org-bundle', 'org-bundle-consumer'].each { name ->
    Path from = examples.resolve(name)
    Path to = basedir.toPath().resolve(name)
    Files.walk(from).withCloseable { paths ->
        paths.filter { !it.startsWith(from.resolve('target')) }.each { p ->
            Path target = to.resolve(from.relativize(p).toString())
            if (Files.isDirectory(p)) {
                Files.createDirectories(target)
            } else {
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING)
            }
        }
    }
}
return true
