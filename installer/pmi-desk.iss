; Inno Setup 6.3+ script: the Windows installer of PMI Desk from the one-folder bundle.
; Build on Windows, after the bundle (see installer/README.md):
;   .venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build installer\pmi-desk.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\pmi-desk.iss
; Result: dist\pmi-desk-<version>-setup.exe
;
; Data: PMI Desk keeps its database, scans, backups, logs and settings in the user's data dir,
; %LOCALAPPDATA%\pmi-desk (platformdirs.user_data_dir("pmi-desk", appauthor=False)), never in {app}.
; Installing a newer version over an older one replaces only {app}; the program then backs the
; database up and migrates it at its first start. Uninstalling removes {app} and asks whether to
; remove the data too (default: keep it; a silent uninstall always keeps it).
; This script has not been compiled here (no Windows): see installer/README.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "PMI Desk"
#define AppExe "pmi-desk.exe"
#define DataDirName "pmi-desk"

[Setup]
; The AppId must never change: upgrades find the installed version by it.
AppId={{6F1C2B7E-4D3A-4B8E-9E51-2A7C0D9F5B13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Disnakertrans Kota Serang
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installed for all users by an administrator; "only for me" is offered too (no admin rights needed).
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=pmi-desk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\pmi-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running PMI Desk is closed (after asking) before its files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
; Indonesian.isl is an unofficial Inno Setup translation: when it is installed next to ISCC, add
;   Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
; above this line to make the wizard Indonesian (the program's language is chosen in PMI Desk).
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade starts from a clean program folder: files a newer bundle no longer has must not stay.
; (Only {app}\_internal and the executables: the data is not in {app}.)
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\{#AppExe}"
Type: files; Name: "{app}\pmi-desk-cli.exe"

[Files]
; installer/build.sh (Linux) adds its tarball extras to the same folder: they are not for Windows.
Source: "..\dist\pmi-desk\*"; DestDir: "{app}"; Excludes: "pmi-desk.desktop,install-linux.sh,pmi-desk.png"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may have left in {app}; never the data dir (see [Code]).
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
function DataDir(): String;
begin
  { The data dir of the user who runs the uninstaller (an installation for all users cannot know
    the other users' folders: they keep their data). }
  Result := ExpandConstant('{localappdata}\{#DataDirName}');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Dir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Dir := DataDir();
  if UninstallSilent() or not DirExists(Dir) then
    Exit;  { silent uninstalls (and upgrades by script) always keep the data }
  if MsgBox('PMI Desk has been removed. Also delete its data (the database of applicants, scans, ' +
            'backups and settings) in' + #13#10 + Dir + ' ?' + #13#10#13#10 +
            'PMI Desk telah dihapus. Hapus juga datanya (basis data pendaftar, pindaian, cadangan dan ' +
            'pengaturan) di folder di atas?' + #13#10#13#10 +
            'Choose No to keep the data for a later installation. / Pilih No untuk menyimpan data.',
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    if MsgBox('This cannot be undone. Delete ' + Dir + ' now?' + #13#10 +
              'Tindakan ini tidak dapat dibatalkan. Hapus sekarang?',
              mbError, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      if not DelTree(Dir, True, True, True) then
        MsgBox('Some files in ' + Dir + ' could not be deleted (is PMI Desk still open?).',
               mbError, MB_OK);
    end;
  end;
end;
