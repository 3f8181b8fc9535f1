# Build PerfDecl on Windows: the one-folder bundle (same spec as Linux), the per-user installer
# (Inno Setup 6) and the portable zip. Run from the repository root in PowerShell:
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-Python py]
# Needs Python 3.12 x64 (py launcher or -Python path) and Inno Setup 6 (ISCC.exe); nothing else.
# Outputs in packaging\dist\: perfdecl-<version>-windows-x64-setup.exe and
# perfdecl-<version>-windows-x64-portable.zip. See packaging\README.md.
param(
    [string]$Python = "",
    [string]$Iscc = ""
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Repo = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Repo
$Build = Join-Path $Repo "packaging\build"
$Dist = Join-Path $Repo "packaging\dist"
New-Item -ItemType Directory -Force $Build, $Dist | Out-Null

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# Python 3.12: immortal None, so the PySide6 6.12.0 reference workaround is idle in the bundle.
if (-not $Python) {
    $Python = "py"
    $PyArgs = @("-3.12")
} else {
    $PyArgs = @()
}
$Version = (& $Python @PyArgs -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])").Trim()
if ($LASTEXITCODE -ne 0) { throw "Python 3.12 not found (install it, or pass -Python C:\path\python.exe)" }
Write-Host "== PerfDecl $Version"

$Venv = Join-Path $Build "venv-win"
if (-not (Test-Path "$Venv\Scripts\python.exe")) {
    Invoke-Checked $Python ($PyArgs + @("-m", "venv", $Venv))
}
$VenvPy = "$Venv\Scripts\python.exe"
$Deps = (& $VenvPy -c "import tomllib;print('\n'.join(tomllib.load(open('pyproject.toml','rb'))['project']['dependencies']))") -split "`n" | ForEach-Object { $_.Trim() } | Where-Object { $_ }
Invoke-Checked $VenvPy (@("-m", "pip", "install", "-q") + $Deps + @("pyinstaller==6.22.3"))

Write-Host "== PyInstaller"
Invoke-Checked $VenvPy @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
    "--distpath", "$Build\dist", "--workpath", "$Build\work", "packaging\pyinstaller\perfdecl.spec")
$Bundle = "$Build\dist\perfdecl"
foreach ($Needed in @("perfdecl.exe", "perfdecl-cli.exe", "_internal\resources\fonts", "_internal\db\migrations\env.py",
                      "_internal\PySide6\plugins\platforms\qwindows.dll",
                      "_internal\PySide6\plugins\printsupport\windowsprintersupport.dll")) {
    if (-not (Test-Path "$Bundle\$Needed")) { throw "bundle lacks $Needed" }
}

Write-Host "== smoke test of the frozen program"
Invoke-Checked "$Bundle\perfdecl-cli.exe" @("--smoke-test")

Write-Host "== portable zip"
$Portable = "$Build\portable\perfdecl-$Version"
if (Test-Path "$Build\portable") { Remove-Item -Recurse -Force "$Build\portable" }
New-Item -ItemType Directory -Force $Portable | Out-Null
Copy-Item -Recurse "$Bundle\*" $Portable
Copy-Item "packaging\windows\portable.txt" "$Portable\portable.txt"
Copy-Item "packaging\windows\README-windows.txt" "$Portable\README.txt"
$Zip = "$Dist\perfdecl-$Version-windows-x64-portable.zip"
if (Test-Path $Zip) { Remove-Item $Zip }
# Python's zipfile marks names as UTF-8 (Compress-Archive of Windows PowerShell 5 does not).
Invoke-Checked $VenvPy @("-c", "import shutil,sys; shutil.make_archive(sys.argv[1], 'zip', sys.argv[2], sys.argv[3])",
    $Zip.Substring(0, $Zip.Length - 4), "$Build\portable", "perfdecl-$Version")

Write-Host "== installer"
if (-not $Iscc) {
    $Iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
              "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found: install it or pass -Iscc" }
Invoke-Checked $Iscc @("/Q", "/DAppVersion=$Version", "/DBundleDir=$Bundle", "/DOutputDir=$Dist",
    "packaging\windows\perfdecl.iss")
Get-ChildItem $Dist | Format-Table Name, Length
