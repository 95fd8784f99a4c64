@echo off
rem mcpsec launcher of the release archive (Windows): runs the CLI on the bundled runtime with its start-up archive
rem (an AOT cache or a class-data-sharing archive). Extra JVM flags: MCPSEC_JAVA_OPTS. The JVM starts inside the archive with a relative class path, as the
rem archive was made, and mcpsec.workingDirectory names the caller's folder. JVM messages go to standard error, never to stdout.
setlocal
set "MCPSEC_HERE=%CD%"
set "MCPSEC_HOME=%~dp0.."
if not exist "%MCPSEC_HOME%\runtime\bin\java.exe" (
  echo mcpsec: %MCPSEC_HOME%\runtime\bin\java.exe is missing: unpack the whole archive, for this platform 1>&2
  exit /b 3
)
pushd "%MCPSEC_HOME%"
rem a runtime from Java 25 or later comes with an AOT cache (lib\mcpsec.aot), an older one with a CDS archive; the
rem cache's training data is not replayed (-XX:-AOTReplayTraining, docs/distribution.md)
if exist "lib\mcpsec.aot" (set "MCPSEC_SHARE=-XX:AOTCache=lib\mcpsec.aot -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining") else (set "MCPSEC_SHARE=-Xshare:auto -XX:SharedArchiveFile=lib\mcpsec.jsa")
runtime\bin\java.exe -XX:+UseSerialGC -XX:TieredStopAtLevel=1 %MCPSEC_SHARE% -Xlog:disable -Xlog:all=warning:stderr "-Dmcpsec.workingDirectory=%MCPSEC_HERE%" %MCPSEC_JAVA_OPTS% -cp lib\mcpsec.jar dev.mcpsec.cli.Main %*
set "MCPSEC_EXIT=%ERRORLEVEL%"
popd
exit /b %MCPSEC_EXIT%
