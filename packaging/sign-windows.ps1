# Authenticode-sign files in place with signtool (Windows), with the certificate from the
# environment, as the workflow's secrets give it:
#   CERT_PFX_BASE64 (the .pfx file, base64) and CERT_PASSWORD
#   pwsh -NoProfile -File packaging/sign-windows.ps1 FILE [FILE...]
# The workflow runs it on the programs and the installer, and makensis (!uninstfinalize) on the
# uninstaller inside the installer. Timestamped, so signatures outlive the certificate.
param([Parameter(Mandatory, ValueFromRemainingArguments)][string[]]$Files)
$ErrorActionPreference = "Stop"
if (-not $env:CERT_PFX_BASE64) { throw "CERT_PFX_BASE64 is not set" }
$signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
  Sort-Object { [version]$_.Directory.Parent.Name } | Select-Object -Last 1
if (-not $signtool) { throw "signtool.exe not found (Windows SDK)" }
$pfx = Join-Path ([IO.Path]::GetTempPath()) "sochibo-sign-$PID.pfx"
[IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:CERT_PFX_BASE64))
try {
  & $signtool.FullName sign /fd SHA256 /f $pfx /p $env:CERT_PASSWORD `
    /tr http://timestamp.digicert.com /td SHA256 @Files
  if ($LASTEXITCODE -ne 0) { throw "signtool failed ($LASTEXITCODE)" }
} finally {
  Remove-Item -Force $pfx -ErrorAction SilentlyContinue
}
