@echo off
rem mcpsec launcher of the release archive (Windows): runs the CLI on the bundled runtime with its class-data-sharing
rem archive. Extra JVM flags: MCPSEC_JAVA_OPTS. The JVM starts inside the archive with a relative class path, as the
rem archive was made, and mcpsec.workingDirectory names the caller's folder. JVM messages go to standard error, never to stdout.
setlocal
set "MCPSEC_HERE=%CD%"
set "MCPSEC_HOME=%~dp0.."
if not exist "%MCPSEC_HOME%\runtime\bin\java.exe" (
  echo mcpsec: %MCPSEC_HOME%\runtime\bin\java.exe is missing: unpack the whole archive, for this platform 1>&2
  exit /b 3
)
pushd "%MCPSEC_HOME%"
runtime\bin\java.exe -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -XX:SharedArchiveFile=lib\mcpsec.jsa -Xlog:disable -Xlog:all=warning:stderr "-Dmcpsec.workingDirectory=%MCPSEC_HERE%" %MCPSEC_JAVA_OPTS% -cp lib\mcpsec.jar dev.mcpsec.cli.Main %*
set "MCPSEC_EXIT=%ERRORLEVEL%"
popd
exit /b %MCPSEC_EXIT%
