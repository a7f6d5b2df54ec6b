; Sổ Chi bộ — 64-bit per-user installer (NSIS 3, Unicode). Two layouts of IMAGE:
; - built on Linux by packaging/build-windows.sh: Python\ (embeddable CPython), lib\ (Windows
;   wheels), app\, resources\, i18n\; started as Python\pythonw.exe -m app.
;     makensis -DVERSION=0.1.0 -DIMAGE=build/windows/image -DOUTFILE=... packaging/installer.nsi
; - -DFROZEN=1, on the Windows runner (.github/workflows/windows.yml): the PyInstaller folder
;   dist\sochibo (SoChiBo.exe for the window, sochibo-cli.exe for the console, _internal\).
;
; - Installs for the current user into %LOCALAPPDATA%\Programs\SoChiBo: no administrator rights.
; - Installing over an older version replaces the program files only. The data folder
;   (%LOCALAPPDATA%\SoChiBo, chosen by the program) is never touched: the program backs the
;   database up and migrates it at its next start.
; - The uninstaller removes the program and keeps the data folder, and says so.
; - Signing the uninstaller: -DSIGN_COMMAND="command that signs the file given" (see below).
; - Silent: SoChiBo-x.y.z-setup.exe /S   (uninstall: "%LOCALAPPDATA%\Programs\SoChiBo\uninstall.exe" /S)

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
SetCompressorDictSize 32
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef IMAGE
  !error "pass -DIMAGE=folder"
!endif
!ifndef OUTFILE
  !define OUTFILE "SoChiBo-${VERSION}-setup.exe"
!endif

!define APP_NAME "Sổ Chi bộ"
!define APP_ID "SoChiBo"
!define PUBLISHER "Sổ Chi bộ"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define REPORT_EXT ".scb"
!define REPORT_PROGID "SoChiBo.Report"
!define DATA_DIR "$LOCALAPPDATA\${APP_ID}"
; The icon of the installer and the uninstaller, drawn by packaging/make_icon.py. makensis
; works in the script's folder, so the path is relative to packaging/.
!ifndef ICON
  !define ICON "../resources/icons/sochibo.ico"
!endif
!ifdef FROZEN
  !define RUN_EXE "$INSTDIR\SoChiBo.exe"
  !define RUN_ARGS ""
  ; PyInstaller puts the icon into the program (packaging/sochibo.spec).
  !define ICON_INSTALLED "$INSTDIR\SoChiBo.exe"
  ; Windows keeps a running program's .exe locked.
  !define IN_USE_FILE "$INSTDIR\SoChiBo.exe"
!else
  !define RUN_EXE "$INSTDIR\Python\pythonw.exe"
  !define RUN_ARGS "-m app "
  ; pythonw.exe carries Python's icon: the shortcuts take ours from the installed file.
  !define ICON_INSTALLED "$INSTDIR\resources\icons\sochibo.ico"
  ; The running program keeps python312.dll open.
  !define IN_USE_FILE "$INSTDIR\Python\python312.dll"
!endif

; Signing: makensis writes the uninstaller into the installer, so it is signed here, by the
; command given (sign-osslsigncode.sh on Linux, sign-windows.ps1 on the runner; NSIS 3.08+).
!ifdef SIGN_COMMAND
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
!endif

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "Software\${APP_ID}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Cài đặt ${APP_NAME}"
VIAddVersionKey /LANG=0 "LegalCopyright" "GPL-3.0-or-later"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ABORTWARNING
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_WELCOMEPAGE_TITLE "Cài đặt ${APP_NAME} ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "Chương trình này sẽ cài ${APP_NAME} — sổ ghi chép của bí thư chi bộ — cho tài khoản Windows đang dùng. Không cần quyền quản trị.$\r$\n$\r$\nNếu máy đã có phiên bản cũ, chương trình sẽ được thay bằng phiên bản mới; dữ liệu của chi bộ được giữ nguyên.$\r$\n$\r$\nBấm Tiếp để tiếp tục."
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "${RUN_EXE}"
!define MUI_FINISHPAGE_RUN_PARAMETERS "${RUN_ARGS}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APP_NAME} ngay"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APP_NAME} sẽ được gỡ khỏi máy. Dữ liệu của chi bộ trong thư mục ${DATA_DIR} vẫn được giữ lại; muốn xóa hẳn thì tự xóa thư mục đó sau khi đã sao lưu."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

; The program files of either layout (an upgrade may switch layouts), never the data folder.
!macro RemoveProgramFiles
  RMDir /r "$INSTDIR\Python"
  RMDir /r "$INSTDIR\lib"
  RMDir /r "$INSTDIR\app"
  RMDir /r "$INSTDIR\resources"
  RMDir /r "$INSTDIR\i18n"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\SoChiBo.exe"
  Delete "$INSTDIR\sochibo-cli.exe"
  Delete "$INSTDIR\sochibo-cli.cmd"
!macroend

Function .onInit
  ; An earlier install (upgrade): install into the same folder.
  ReadRegStr $0 HKCU "${UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
    StrCpy $INSTDIR $0
  ${EndIf}
FunctionEnd

; A file the running program holds open cannot be deleted: ask to close the program first.
Function EnsureNotRunning
  ${IfNot} ${FileExists} "${IN_USE_FILE}"
    Return
  ${EndIf}
  retry:
  ClearErrors
  Delete "${IN_USE_FILE}"
  ${If} ${Errors}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_NAME} đang mở. Hãy đóng cửa sổ ${APP_NAME} rồi bấm Thử lại." /SD IDCANCEL IDRETRY retry
    Abort "${APP_NAME} đang mở: chưa cài được. Hãy đóng chương trình rồi chạy lại bộ cài."
  ${EndIf}
FunctionEnd

Section "Chương trình ${APP_NAME} (bắt buộc)" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  Call EnsureNotRunning
  ; Upgrade: remove the old program files so that no stale module or migration script is left.
  !insertmacro RemoveProgramFiles
  File /r "${IMAGE}\*.*"

!ifndef FROZEN
  DetailPrint "Đang chuẩn bị chương trình để lần mở đầu tiên được nhanh…"
  nsExec::ExecToLog '"$INSTDIR\Python\python.exe" -m compileall -q "$INSTDIR\lib" "$INSTDIR\app"'
  Pop $0
  ; The command-line form, for sub-commands (sochibo-cli.cmd selftest --no-gui, members list).
  FileOpen $1 "$INSTDIR\sochibo-cli.cmd" w
  FileWrite $1 '@"%~dp0Python\python.exe" -m app %*$\r$\n'
  FileClose $1
!endif

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "${RUN_EXE}" "${RUN_ARGS}" "${ICON_INSTALLED}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Kiểm tra cài đặt ${APP_NAME}.lnk" "${RUN_EXE}" "${RUN_ARGS}selftest" "${ICON_INSTALLED}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Gỡ cài đặt ${APP_NAME}.lnk" "$INSTDIR\uninstall.exe"

  ; The signed report file (.scb): the receiving committee double-clicks it to verify and import.
  WriteRegStr HKCU "Software\Classes\${REPORT_EXT}" "" "${REPORT_PROGID}"
  WriteRegStr HKCU "Software\Classes\${REPORT_PROGID}" "" "Báo cáo ${APP_NAME} (có chữ ký số)"
  WriteRegStr HKCU "Software\Classes\${REPORT_PROGID}\DefaultIcon" "" "${ICON_INSTALLED},0"
  WriteRegStr HKCU "Software\Classes\${REPORT_PROGID}\shell\open\command" "" '"${RUN_EXE}" ${RUN_ARGS}"%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\${APP_ID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "${ICON_INSTALLED}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Lối tắt trên màn hình (Desktop)" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "${RUN_EXE}" "${RUN_ARGS}" "${ICON_INSTALLED}" 0
SectionEnd

Section "Uninstall"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  ReadRegStr $0 HKCU "Software\Classes\${REPORT_EXT}" ""
  ${If} $0 == "${REPORT_PROGID}"
    DeleteRegKey HKCU "Software\Classes\${REPORT_EXT}"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${REPORT_PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\${APP_ID}"
  ; Only what the installer put there goes (the folder may have been chosen by hand, so no
  ; recursive delete of it); the data folder is elsewhere and stays.
  !insertmacro RemoveProgramFiles
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd

Function un.onUninstSuccess
  MessageBox MB_OK|MB_ICONINFORMATION "Đã gỡ ${APP_NAME}. Dữ liệu của chi bộ vẫn còn trong thư mục ${DATA_DIR}; cài lại ${APP_NAME} là dùng tiếp được." /SD IDOK
FunctionEnd
