; Inno Setup 6 script of PerfDecl: a per-user install (no administrator rights) with a Start-menu
; entry and "Open with" for .json exchange files. Built by packaging\windows\build.ps1:
;   ISCC /DAppVersion=0.1.0 /DBundleDir=packaging\build\dist\perfdecl /DOutputDir=packaging\dist perfdecl.iss
; Saved as UTF-8 with BOM so that the Chinese names survive (Inno Setup 6 is Unicode).
; Uninstalling removes the program files only: the database, backups and settings in
; %LOCALAPPDATA%\perfdecl belong to the user and stay.

#ifndef AppVersion
  #error Pass /DAppVersion=x.y.z (build.ps1 reads it from pyproject.toml)
#endif
#ifndef BundleDir
  #define BundleDir "..\build\dist\perfdecl"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#define AppName "绩效目标申报助手"
#define ProgId "PerfDecl.Declaration"

[Setup]
AppId={{6C1D3F0E-6E2A-4B8B-9B4E-2F3E1B7C9A51}
AppName={#AppName}
AppVerName={#AppName} {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=PerfDecl
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per user: %LOCALAPPDATA%\Programs\PerfDecl, HKCU registry, no UAC prompt. An administrator may
; still choose "install for all users" in the dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\PerfDecl
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Qt 6 needs Windows 10 1809 or later, 64-bit.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=perfdecl.ico
UninstallDisplayIcon={app}\perfdecl.exe
UninstallDisplayName={#AppName}
OutputDir={#OutputDir}
OutputBaseFilename=perfdecl-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
; Older Inno Setup without the Chinese translation: English wizard, Chinese entries below.
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面上创建快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A previous version's bundled libraries must not mix with the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\perfdecl.exe"; Comment: "编制、自检、打印和导出绩效目标申报表"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\perfdecl.exe"; Tasks: desktopicon

[Registry]
; "Open with 绩效目标申报助手" for .json files, without taking .json over from other programs.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "绩效目标申报表交换文件"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\perfdecl.exe,0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\perfdecl.exe"" gui ""%1"""
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\perfdecl.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\perfdecl.exe\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\perfdecl.exe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\perfdecl.exe"" gui ""%1"""

[Run]
Filename: "{app}\perfdecl.exe"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent
