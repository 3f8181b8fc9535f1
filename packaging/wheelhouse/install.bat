@echo off
rem Install PerfDecl from this folder with no network: install.bat [TARGET-FOLDER]
rem Needs Python 3.11 or later (python.org installer, "py" launcher). Creates a virtual environment
rem (default %LOCALAPPDATA%\perfdecl-app), installs the wheels of .\wheels, copies the resources,
rem runs the self-test and puts a shortcut into the Start menu. No administrator rights needed.
chcp 65001 >nul
setlocal
set "HERE=%~dp0"
set "TARGET=%~1"
if "%TARGET%"=="" set "TARGET=%LOCALAPPDATA%\perfdecl-app"
set "PY=py -3"
where py >nul 2>nul || set "PY=python"
%PY% -c "import sys; sys.exit(sys.version_info < (3, 11))" 2>nul
if errorlevel 1 (
    echo 需要 Python 3.11 或更高版本，请先安装 Python（勾选 py launcher）。
    exit /b 2
)
echo 正在创建运行环境：%TARGET%
%PY% -m venv "%TARGET%" || exit /b 2
"%TARGET%\Scripts\python.exe" -m pip install --no-index --find-links "%HERE%wheels" --quiet perfdecl || exit /b 2
if exist "%TARGET%\share\perfdecl\resources" rmdir /s /q "%TARGET%\share\perfdecl\resources"
xcopy /e /i /q /y "%HERE%resources" "%TARGET%\share\perfdecl\resources" >nul || exit /b 2
"%TARGET%\Scripts\perfdecl.exe" --smoke-test
if errorlevel 1 (
    echo 自检未通过，安装不完整。
    exit /b 3
)
copy /y "%HERE%perfdecl.ico" "%TARGET%\perfdecl.ico" >nul
powershell -NoProfile -Command "$s=(New-Object -ComObject WScript.Shell).CreateShortcut([Environment]::GetFolderPath('Programs')+'\绩效目标申报助手.lnk'); $s.TargetPath='%TARGET%\Scripts\pythonw.exe'; $s.Arguments='-m desktop'; $s.IconLocation='%TARGET%\perfdecl.ico'; $s.Save()"
echo 安装完成。可在开始菜单中打开“绩效目标申报助手”，或运行 "%TARGET%\Scripts\perfdecl.exe"。
endlocal
